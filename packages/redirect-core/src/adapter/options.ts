import * as z from 'zod/mini';
import { cachePolicySchema } from '../map/cache';
import { isRedirectSource } from '../source/is-source';
import { inEnglish, lazySchema } from '../validation/lazy-schema';
import type { RedirectEvent } from './redirect-response';
import { isRedirectMap } from './redirect-source';

const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });
const noControl = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

// The fields every adapter takes; a function, so no schema is built on import.
const adapterShape = () => ({
  /** Called once per answered redirect, for metrics and logs. */
  onRedirect: z.optional(
    z.custom<(event: RedirectEvent) => void>((value) => typeof value === 'function', {
      error: 'must be a function',
    }),
  ),
  /** The redirect map's cache policy. */
  cache: z.optional(cachePolicySchema),
  /** The site's absolute URL, from configuration: never taken from the Host header. */
  base: z.optional(httpUrl()),
  /** Origins an untrusted redirect target may point to. Default: the origin of `base`. */
  allowedOrigins: z.optional(z.array(httpUrl())),
  /** Where a rejected untrusted target goes instead. Default `/`. */
  fallback: z.optional(
    z.string().check(
      z.minLength(1),
      z.refine(noControl, { error: 'must not hold control characters' }),
      z.refine((value) => /^\/(?![/\\])/.test(value) || /^https?:\/\//i.test(value), {
        error: 'must be a path starting with a single "/" or an absolute http(s) URL',
      }),
    ),
  ),
});

/**
 * The options every framework adapter takes (Koa, Fastify, Next.js), as a zod schema (built on
 * first use), so they are checked the same way everywhere. Unknown keys are errors (a typo is
 * not ignored).
 */
export const adapterOptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject(adapterShape()),
);

/**
 * The options of adapters that serve a redirect map next to a router (Fastify): the map as
 * `rules` or `map` (at most one), and which wins when a request matches both a rule and a route.
 */
export const mapAdapterOptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      ...adapterShape(),
      rules: z.optional(z.array(z.unknown(), { error: 'must be an array of redirect rules' })),
      /** A compiled map, or a source whose map can change (a watched file, Redis). */
      map: z.optional(
        z.custom((value) => isRedirectMap(value) || isRedirectSource(value), {
          error: 'must be a redirect map from createRedirectMap or a redirect source',
        }),
      ),
      /** `'rules'`: a matching rule answers even where a route exists (as Next.js config redirects). */
      precedence: z._default(z.enum(['rules', 'routes']), 'rules'),
    })
    .check(
      z.refine((options) => options.rules === undefined || options.map === undefined, {
        error: 'cannot be given together with "map": pass one of them',
        path: ['rules'],
      }),
    ),
);

/** The options every adapter takes, as written by a user. */
export type AdapterOptions = z.input<typeof adapterOptionsSchema>;

/** An adapter option that failed validation. `field` is its dotted path (`cache.temporary`). */
export class RedirectOptionsError extends TypeError {
  override readonly name = 'RedirectOptionsError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `input` parsed with `schema`, or a {@link RedirectOptionsError} that starts with `pkg` and
 * names the first offending field.
 *
 * @example
 * ```ts
 * parseAdapterOptions('@org/redirect-koa', adapterOptionsSchema, { base: 'nope' });
 * // throws: @org/redirect-koa: option "base" must be an absolute http(s) URL ...
 * ```
 */
export function parseAdapterOptions<S extends z.core.$ZodType>(
  pkg: string,
  schema: S,
  input: unknown,
): z.output<S> {
  const result = z.safeParse(schema, input ?? {}, inEnglish());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.');
  const field = path === '' ? 'options' : path;
  const said = issue?.message ?? '';
  // zod's own messages are sentences ("Invalid input: ..."); ours start with "must".
  const message =
    keys.length > 0
      ? 'is not a known option'
      : /^[A-Z]/.test(said)
        ? `is invalid: ${said.charAt(0).toLowerCase()}${said.slice(1)}`
        : said || 'is invalid';
  throw new RedirectOptionsError(
    field,
    `${pkg}: option "${field}" ${message}. Fix it where you pass the options.`,
  );
}
