/**
 * `@org/redirect-core/guard`: The open-redirect guard (`safeRedirectTarget`, `createRedirectGuard`) and `encodeLocation`.
 *
 * @packageDocumentation
 */

export { encodeLocation, encodeLocationSources } from './encode-location';
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
