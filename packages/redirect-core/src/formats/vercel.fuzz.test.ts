import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, FUZZ_RUNS, mutationsOf, parsesOrExplains } from './fuzz-helpers';
import { parseRedirects } from './index';
import { fixture, parseError } from './test-helpers';

const valid = [fixture('vercel.json'), fixture('vercel-bad.json')];

describe('vercel parser fuzz', () => {
  it('reads random text or throws a typed error naming the line', () => {
    fc.assert(
      fc.property(anyText, (text) => parsesOrExplains(text, 'vercel')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads mutated valid files or throws a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain(mutationsOf), (text) =>
        parsesOrExplains(text, 'vercel'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('refuses nesting past the bound with a RedirectParseError, not a RangeError', () => {
    const deep = `{ "redirects": [\n\n${'['.repeat(20_000)}${']'.repeat(20_000)}] }`;
    expect(parseError(() => parseRedirects(deep, 'vercel')).issues[0]?.line).toBe(3);
  });
});
