/**
 * `@org/redirect-core`: HTTP redirect semantics as typed data, and the functions built on them.
 *
 * @packageDocumentation
 */

export {
  chooseStatus,
  explainStatus,
  type RedirectIntent,
  type StatusChoice,
  type StatusFor,
} from './choose-status';
export { type HeadersLike, headerList, headerValues } from './headers';
export type * from './map-types';
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
