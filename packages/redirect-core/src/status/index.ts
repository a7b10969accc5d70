/**
 * `@org/redirect-core/status`: The semantics of every 3xx status code as typed data, each fact naming a `SourceId` (the documents themselves: `@org/redirect-core/sources`), `chooseStatus` and `explainStatus`.
 *
 * @packageDocumentation
 */

export { type RedirectTopic, type RedirectTopicId, redirectTopics } from './beyond-3xx';
export {
  chooseStatus,
  explainStatus,
  type RedirectIntent,
  type StatusChoice,
  type StatusFor,
} from './choose-status';
// The titles and URLs behind the ids: `@org/redirect-core/sources`.
export type { SourceId } from './sources';
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
} from './types';
