import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyText, FUZZ_RUNS, mutationsOf, parsesOrExplains } from './fuzz-helpers';
import { fixture } from './test-helpers';

const valid = [fixture('_redirects'), fixture('_redirects-bad')];

describe('netlify parser fuzz', () => {
  it('reads random text or throws a typed error naming the line', () => {
    fc.assert(
      fc.property(anyText, (text) => parsesOrExplains(text, 'netlify')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads mutated valid files or throws a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain(mutationsOf), (text) =>
        parsesOrExplains(text, 'netlify'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
