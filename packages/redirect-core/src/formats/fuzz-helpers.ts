import fc from 'fast-check';
import { expect } from 'vitest';
import { RedirectConfigError } from '../map/errors';
import { parseRedirects } from './index';
import type { ParseableFormat } from './types';

/** Runs per fuzz property; each format's file runs its properties with this many inputs. */
export const FUZZ_RUNS = 300;

/**
 * Parses `text`, failing the test on anything thrown other than a typed configuration error
 * (`RedirectParseError` is one): bad input must say what is wrong, never crash.
 */
export function parsesOrExplains(text: string, format: ParseableFormat): void {
  for (const skipInvalid of [false, true]) {
    try {
      const parsed = parseRedirects(text, format, { file: 'fuzz', skipInvalid });
      expect(parsed.origins).toHaveLength(parsed.rules.length);
    } catch (error) {
      if (!(error instanceof RedirectConfigError)) throw error;
      for (const issue of error.issues) expect(typeof issue.message).toBe('string');
    }
  }
}

/** Text of any characters: control bytes, lone surrogates, quotes, brackets, line ends. */
export const anyText = fc.string({ unit: 'binary', maxLength: 400 });

/** Characters that mean something to one of the formats, to make mutations bite. */
const special = fc.constantFrom(
  '"',
  ',',
  '\r',
  '\n',
  '\r\n',
  '\uFEFF',
  '[',
  ']',
  '{',
  '}',
  ':',
  '\\',
  '#',
  ' ',
  '\t',
  '*',
  '/',
  '?',
  '=',
  '!',
  '%',
  '__proto__',
  'constructor',
  '\u0000',
  '\u001b',
  '\u009b',
);

type Edit = { at: number; kind: 'insert' | 'delete' | 'duplicate'; text: string; length: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'duplicate'),
  text: fc.oneof(special, fc.string({ unit: 'binary', maxLength: 4 })),
  length: fc.integer({ min: 1, max: 12 }),
});

/** A valid file with a few random edits: inserted specials, deleted or repeated slices. */
export function mutationsOf(valid: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let text = valid;
    for (const { at, kind, text: inserted, length } of edits) {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      if (kind === 'insert') text = text.slice(0, i) + inserted + text.slice(i);
      else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + length);
      else text = text.slice(0, i) + text.slice(i, i + length).repeat(3) + text.slice(i);
    }
    return text;
  });
}
