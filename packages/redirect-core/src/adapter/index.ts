/**
 * `@org/redirect-core/adapter`: The decisions framework adapters share: option schemas, `redirectDecision`, `redirectBody`, `RequestInput`, `toRedirectMap`.
 *
 * @packageDocumentation
 */

export {
  type AdapterOptions,
  adapterOptionsSchema,
  mapAdapterOptionsSchema,
  parseAdapterOptions,
  RedirectOptionsError,
} from './options';
export { type PreparedRedirects, prepareRedirects } from './prepare-redirects';
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
export {
  isRedirectInput,
  isRedirectMap,
  type RedirectInput,
  toRedirectMap,
  toRedirectSource,
} from './redirect-source';
export { type HeadersHolder, RequestInput } from './request-input';
