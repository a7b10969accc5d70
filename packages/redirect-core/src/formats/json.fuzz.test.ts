import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, FUZZ_RUNS, mutationsOf, parsesOrExplains } from './fuzz-helpers';
import { parseRedirects } from './index';
import { fixture, parseError } from './test-helpers';

const valid = [fixture('rules.json'), fixture('rules-bad.json')];

describe('json parser fuzz', () => {
  it('reads random text or throws a typed error naming the line', () => {
    fc.assert(
      fc.property(anyText, (text) => parsesOrExplains(text, 'json')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads mutated valid files or throws a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain(mutationsOf), (text) =>
        parsesOrExplains(text, 'json'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('refuses nesting past the bound with a RedirectParseError naming the line, not a RangeError', () => {
    const deep = `[\n${'['.repeat(20_000)}${']'.repeat(20_000)}\n]`;
    const error = parseError(() => parseRedirects(deep, 'json', { file: 'deep.json' }));
    expect(error.issues[0]).toMatchObject({ line: 2, file: 'deep.json' });
    expect(error.message).toContain('nest more than');
    const query = `[{ "from": "/a", "to": "/b", "query":\n${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)} }]`;
    expect(parseError(() => parseRedirects(query, 'json')).issues[0]?.line).toBe(2);
  });

  it('keeps brackets inside strings out of the depth count', () => {
    const text = `[{ "from": "/a", "to": "/b?x=${'['.repeat(500)}", "permanent": true }]`;
    expect(parseRedirects(text, 'json').rules).toHaveLength(1);
  });
});
