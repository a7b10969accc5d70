import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvMeter, parseCsv, records } from './csv';
import { anyText, FUZZ_RUNS, mutationsOf, parsesOrExplains } from './fuzz-helpers';
import { fixture } from './test-helpers';

const valid = [fixture('redirects.csv'), fixture('redirects-bad.csv')];

// Inputs that made the old reader quadratic: `"` inside long unquoted cells.
const adversarial = {
  quotes: (size: number) => `from,to\n/a${'x"'.repeat(size / 2)},/b\n`,
  spaces: (size: number) => `from,to\n${' '.repeat(size - 2)}"x\n`,
  mixed: (size: number) => `from,to\n${'a"b,'.repeat(size / 4)}\n`,
};

describe('csv parser fuzz', () => {
  it('reads random text or throws a typed error naming the line', () => {
    fc.assert(
      fc.property(anyText, (text) => parsesOrExplains(text, 'csv')),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads mutated valid files or throws a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain(mutationsOf), (text) =>
        parsesOrExplains(text, 'csv'),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads each character once: steps equal the text length, whatever the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const meter: CsvMeter = { steps: 0 };
        records(text, meter);
        expect(meter.steps).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: FUZZ_RUNS },
    );
    for (const [name, make] of Object.entries(adversarial)) {
      const small: CsvMeter = { steps: 0 };
      const large: CsvMeter = { steps: 0 };
      records(make(10_000), small);
      records(make(100_000), large);
      expect(large.steps / small.steps, name).toBeLessThan(10.5);
    }
  });

  // The old reader took 19-31 s on 150 KB of this; a 1 MB file now finishes within the test's
  // default timeout (bench/csv-parse.bench.ts has the time).
  it('parses 1 MB of quotes inside unquoted cells', () => {
    const text = adversarial.quotes(1_000_000);
    expect(parseCsv(text).rules[0]?.to).toBe('/b');
  });
});
