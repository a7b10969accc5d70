/**
 * `@org/redirect-core/map`: Redirect maps: rules, patterns, the compiled matcher (`createRedirectMap`) and `analyzeRedirects`.
 *
 * @packageDocumentation
 */

export { type AnalyzeOptions, analyzeRedirects } from './analyze';
export { cacheControlFor, cachePolicySchema, DEFAULT_PERMANENT_MAX_AGE } from './cache';
export { RedirectConfigError } from './errors';
export { createRedirectMap } from './match';
export {
  type Captures,
  type DestinationTemplate,
  matchSegments,
  type ParsedPattern,
  type PathOptions,
  type PatternSegment,
  parseDestination,
  parsePattern,
  requestPathKey,
  requestSegments,
  substitute,
  type TemplatePart,
} from './pattern';
export {
  checkRules,
  type NormalizedRule,
  normalizeRule,
  type RuleConditions,
  type RuleStatus,
  redirectMapFileSchema,
  redirectRuleSchema,
  ruleStatusCodes,
} from './rules';
export type * from './types';
