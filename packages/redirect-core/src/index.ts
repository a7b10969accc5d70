/**
 * `@org/redirect-core`: HTTP redirect semantics as typed data, and the functions built on them.
 *
 * @packageDocumentation
 */

export {
  type AdapterOptions,
  adapterOptionsSchema,
  mapAdapterOptionsSchema,
  parseAdapterOptions,
  RedirectOptionsError,
} from './adapter-options';
export { type AnalyzeOptions, analyzeRedirects } from './analyze';
export { cacheControlFor, cachePolicySchema, DEFAULT_PERMANENT_MAX_AGE } from './cache';
export {
  chooseStatus,
  explainStatus,
  type RedirectIntent,
  type StatusChoice,
  type StatusFor,
} from './choose-status';
export { encodeLocation, encodeLocationSources } from './encode-location';
export { RedirectConfigError, redirectMapJsonSchema } from './errors';
export {
  detectFormat,
  type NginxOptions,
  type ParseableFormat,
  type ParsedRedirects,
  type ParseOptions,
  parseRedirects,
  type RedirectFormat,
  RedirectParseError,
  type SerializedRedirects,
  serializeRedirects,
} from './formats/index';
export {
  createRedirectGuard,
  DEFAULT_MAX_TARGET_LENGTH,
  type GuardRejection,
  guardRejections,
  guardSources,
  isSameSitePath,
  type RedirectGuard,
  RedirectGuardOptionsError,
  type SafeTargetOptions,
  type SafeTargetResult,
  type SameSitePathResult,
  safeRedirectTarget,
  sameSitePath,
} from './guard';
export { type HeadersLike, headerList, headerValues } from './headers';
export type * from './map-types';
export { createRedirectMap } from './match';
export { nextRequest } from './next-request';
export type * from './next-request-types';
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
  backDecision,
  escapeHtml,
  type RedirectBody,
  type RedirectDecision,
  type RedirectEvent,
  type RedirectTargetOptions,
  redirectBody,
  redirectDecision,
} from './redirect-response';
export { isRedirectMap, toRedirectMap } from './redirect-source';
export { referrerPolicies } from './referrer';
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
export { type SourceId, sources } from './sources';
export {
  isRedirectStatus,
  isStatusCode,
  type RedirectStatus,
  type RedirectStatusTable,
  redirectStatusCodes,
  redirectStatuses,
  type StatusCode,
  statusCodes,
} from './status';
export { statusEntrySchema, statusTableJsonSchema, statusTableSchema } from './status-schema';
export {
  type BrowserSupport,
  type ClientFamily,
  clientFamilies,
  clientFamilyNames,
  type Fact,
  type MethodRewrite,
  type MethodRule,
  type Permanence,
  type SearchSignal,
  type SpecRef,
  type StatusEntry,
  type StatusKind,
} from './status-types';
