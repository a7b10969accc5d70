import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyText, FUZZ_RUNS, mutationsOf, parsesOrExplains } from './fuzz-helpers';

const valid = [
  `# netlify.toml
[build]
  publish = "dist"

[[redirects]]
  from = "/old/*"
  to = "/new/:splat"
  status = 301
  force = true

[[redirects]]
  from = "/search"
  to = "/find"
  query = { q = ":q" }
  conditions = { Language = ["en", "de"] }
`,
  `[[redirects]]\r\nfrom = '/a'\r\nto = "https://example.com/b"\r\nstatus = 302\r\n`,
];

describe('netlify.toml parser fuzz', () => {
  it('reads random text or throws a typed error naming the line', () => {
    fc.assert(
      fc.property(anyText, (text) => parsesOrExplains(text, 'netlify-toml')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads mutated valid files or throws a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain(mutationsOf), (text) =>
        parsesOrExplains(text, 'netlify-toml'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
