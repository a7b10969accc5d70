import * as z from 'zod/mini';
import { lazySchema } from '../validation/lazy-schema';
import type { CachePolicy } from './types';

/** The default `max-age` (seconds) on permanent redirects: one hour, so a mistake heals. */
export const DEFAULT_PERMANENT_MAX_AGE = 3600;

/** The longest `max-age` a policy may set: one year (RFC 2616 §14.21 capped Expires at a year; RFC 9111 sets no cap). */
export const MAX_CACHE_AGE = 31_536_000;

/** The zod schema of a {@link CachePolicy} (built on first use). */
export const cachePolicySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    permanentMaxAge: z.optional(
      z.nullable(
        z.number().check(
          z.int({ error: 'permanentMaxAge must be a whole number of seconds, or null.' }),
          z.minimum(0, { error: 'permanentMaxAge must be 0 or more seconds, or null.' }),
          z.maximum(MAX_CACHE_AGE, {
            error: `permanentMaxAge must be at most ${MAX_CACHE_AGE} seconds (one year); a longer cache never heals a mistake.`,
          }),
        ),
      ),
    ),
    temporary: z.optional(
      z.nullable(
        z.string().check(
          z.regex(/^[\u0020-\u007e]+$/, {
            error:
              'temporary must be a non-empty Cache-Control value of printable ASCII, such as "no-store", or null.',
          }),
        ),
      ),
    ),
  }),
);

/**
 * The `Cache-Control` value a policy gives a status, or `null` for none: `max-age=<seconds>`
 * (default 3600) on 301 and 308, and `policy.temporary` (default none) on 302, 303 and 307.
 *
 * @example
 * ```ts
 * cacheControlFor(308); // 'max-age=3600'
 * cacheControlFor(307, { temporary: 'no-store' }); // 'no-store'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9111#section-5.2.2.1
 */
export function cacheControlFor(status: number, policy?: CachePolicy): string | null {
  if (status === 301 || status === 308) {
    const age =
      policy?.permanentMaxAge === undefined ? DEFAULT_PERMANENT_MAX_AGE : policy.permanentMaxAge;
    return age === null ? null : `max-age=${age}`;
  }
  return policy?.temporary ?? null;
}
