import type { SourceId } from './sources';
import type { RedirectStatus } from './status';

/**
 * What the author of a redirect means. Every field is optional; the default is a temporary
 * redirect that keeps the method (307).
 */
export interface RedirectIntent {
  /** The move is for good: search engines index the target and browsers cache the answer. */
  readonly permanent?: boolean;
  /**
   * The client must repeat the same method and body. `false` asks for a GET on the target
   * (for example after a form POST). Default `true`.
   */
  readonly preserveMethod?: boolean;
  /** Clients from before HTTP/1.1 (or before 308) must follow it. Default `false`. */
  readonly legacyClients?: boolean;
}

type Flag<I, K extends string, Default extends boolean> = K extends keyof I
  ? I[K] extends true
    ? true
    : I[K] extends false
      ? false
      : I[K] extends undefined
        ? Default
        : boolean
  : Default;

// Distributes over `boolean`, so an intent known only in part gives the union of its statuses.
type StatusOf<P extends boolean, M extends boolean, L extends boolean> = P extends true
  ? M extends false
    ? 301
    : L extends true
      ? 301
      : 308
  : L extends true
    ? 302
    : M extends false
      ? 303
      : 307;

/** The status {@link chooseStatus} returns for an intent known at compile time. */
export type StatusFor<I extends RedirectIntent> = StatusOf<
  Flag<I, 'permanent', false>,
  Flag<I, 'preserveMethod', true>,
  Flag<I, 'legacyClients', false>
>;

/** A chosen status with the reasons for it, for adapters, the CLI and the docs. */
export interface StatusChoice {
  readonly status: RedirectStatus;
  /** One sentence: why this code fits the intent. */
  readonly why: string;
  /** What the author should know about the choice (old clients, method rewrites). */
  readonly caveats: readonly string[];
  readonly sources: readonly SourceId[];
}

/**
 * The status that says what the author means, and why. See {@link chooseStatus}.
 *
 * @example
 * ```ts
 * explainStatus({ permanent: false, preserveMethod: false }).why;
 * // 'Temporary, and the client should fetch the target with GET: 303 See Other ...'
 * ```
 */
export function explainStatus(intent?: RedirectIntent | null): StatusChoice {
  // Only literal booleans count: anything else (a missing intent, `'yes'`) is the default.
  const permanent = intent?.permanent === true;
  const preserveMethod = intent?.preserveMethod !== false;
  const legacy = intent?.legacyClients === true;
  if (permanent) {
    if (!preserveMethod) {
      return {
        status: 301,
        why: 'Permanent, and a POST may become GET: 301 Moved Permanently is the code every client knows.',
        caveats: ['Browsers and fetch turn POST into GET; other methods are kept.'],
        sources: ['rfc9110-15.4.2', 'fetch-http-redirect-fetch'],
      };
    }
    if (legacy) {
      return {
        status: 301,
        why: 'Permanent, for clients that predate 308: 301 Moved Permanently.',
        caveats: [
          'The method cannot be guaranteed: browsers and fetch turn POST into GET on 301. Use it for GET/HEAD URLs only.',
        ],
        sources: ['rfc9110-15.4.2', 'mdn-bcd-308'],
      };
    }
    return {
      status: 308,
      why: 'Permanent, keeping the method and body: 308 Permanent Redirect.',
      caveats: ['Clients older than 308 (IE 11 before Windows 10) treat it as 300.'],
      sources: ['rfc9110-15.4.9', 'mdn-bcd-308'],
    };
  }
  if (legacy) {
    return {
      status: 302,
      why: 'Temporary, for HTTP/1.0-era clients: 302 Found is the temporary code every client knows.',
      caveats: preserveMethod
        ? ['The method cannot be guaranteed: browsers and fetch turn POST into GET on 302.']
        : [],
      sources: ['rfc1945', 'rfc2616-10.3.4'],
    };
  }
  if (!preserveMethod) {
    return {
      status: 303,
      why: 'Temporary, and the client should fetch the target with GET: 303 See Other (Post/Redirect/Get).',
      caveats: [],
      sources: ['rfc9110-15.4.4', 'fetch-http-redirect-fetch'],
    };
  }
  return {
    status: 307,
    why: 'Temporary, keeping the method and body: 307 Temporary Redirect.',
    caveats: [],
    sources: ['rfc9110-15.4.8'],
  };
}

/**
 * The redirect status for an intent:
 *
 * | intent | status |
 * | --- | --- |
 * | `{ permanent: true }` | 308 |
 * | `{ permanent: true, preserveMethod: false }` | 301 |
 * | `{ permanent: true, legacyClients: true }` | 301 |
 * | `{ permanent: false }` (the default) | 307 |
 * | `{ permanent: false, preserveMethod: false }` | 303 |
 * | `{ permanent: false, legacyClients: true }` | 302 |
 *
 * The return type narrows for intents known at compile time.
 *
 * @example
 * ```ts
 * const status = chooseStatus({ permanent: true }); // 308
 * ```
 * @see {@link explainStatus} for the reason behind the choice.
 */
export function chooseStatus<const I extends RedirectIntent = Record<never, never>>(
  intent?: I,
): StatusFor<I> {
  return explainStatus(intent).status as StatusFor<I>;
}
