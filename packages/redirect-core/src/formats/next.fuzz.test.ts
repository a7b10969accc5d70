import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyText, FUZZ_RUNS, mutationsOf, parsesOrExplains } from './fuzz-helpers';

const valid = [
  `[
  { "source": "/blog/:slug", "destination": "/news/:slug", "permanent": true },
  { "source": "/docs/:path*", "destination": "/guide/:path*", "statusCode": 301,
    "has": [{ "type": "query", "key": "v", "value": "(?<v>\\\\d+)" }] },
  { "source": "/old(.*)", "destination": "/new", "permanent": false, "locale": false }
]
`,
];

describe('next parser fuzz', () => {
  it('reads random text or throws a typed error naming the line', () => {
    fc.assert(
      fc.property(anyText, (text) => parsesOrExplains(text, 'next')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads mutated valid files or throws a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain(mutationsOf), (text) =>
        parsesOrExplains(text, 'next'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
