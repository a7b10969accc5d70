import { describe, expectTypeOf, it } from 'vitest';
import { type AnalyzeOptions, analyzeRedirects } from './analyze';
import type { Finding, RuleOrigin } from './types';

describe('analyzeRedirects types', () => {
  it('takes rules and optional origins, and returns findings', () => {
    expectTypeOf(analyzeRedirects([])).toEqualTypeOf<Finding[]>();
    expectTypeOf<AnalyzeOptions['origins']>().toEqualTypeOf<
      readonly (RuleOrigin | undefined)[] | undefined
    >();
    const [finding] = analyzeRedirects([{ from: '/a', to: '/b', permanent: true }]);
    if (finding?.kind === 'chain') expectTypeOf(finding.fix).toEqualTypeOf<Finding['fix']>();
  });
});
