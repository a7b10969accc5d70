import type { HeadersLike } from '../headers/headers';
import type { RedirectStatus } from '../status/status';

/**
 * One redirect of a redirect map.
 *
 * `from` is a path pattern: literal segments, `:name` for one segment, and a trailing `*` or
 * `:name*` for the rest of the path (zero or more segments). `to` is a path or an absolute URL
 * and may use `:name` (and `:splat` for `*`). A rule names either `status`, or `permanent`
 * (with an optional `preserveMethod`), and then the status comes from `chooseStatus`.
 *
 * @example
 * ```ts
 * const rule: RedirectRule = { from: '/blog/:slug', to: '/articles/:slug', permanent: true };
 * ```
 */
export interface RedirectRule {
  readonly from: string;
  readonly to: string;
  readonly status?: RedirectStatus;
  readonly permanent?: boolean;
  readonly preserveMethod?: boolean;
  /** Only requests for this host (the Host header or the URL's host) match. */
  readonly host?: string;
  /** Only requests whose query has these parameters match: a value, or `true` for any value. */
  readonly query?: Readonly<Record<string, string | true>>;
  /** Only requests with one of these methods match (any case). */
  readonly methods?: readonly string[];
  /** Carry the request's query string to the destination. Default `true`. */
  readonly preserveQuery?: boolean;
}

/** Where a rule came from, when it was read from a file: used in error messages and findings. */
export interface RuleOrigin {
  readonly file?: string;
  /** 1-based line of the rule in its file. */
  readonly line: number;
}

/** Cache headers a redirect map adds to its answers. */
export interface CachePolicy {
  /**
   * `Cache-Control: max-age` in seconds on permanent redirects (301, 308), so a mistake heals.
   * `null` adds nothing. Default 3600.
   */
  readonly permanentMaxAge?: number | null;
  /** A `Cache-Control` value for temporary redirects (302, 303, 307). Default: none. */
  readonly temporary?: string | null;
}

/** Options of {@link RedirectMap} creation. */
export interface RedirectMapOptions {
  readonly cache?: CachePolicy;
  /**
   * An absolute base URL (from configuration, never from a request). Path destinations are
   * then answered with absolute Locations on this origin.
   */
  readonly base?: string;
  /** Source lines per rule index, when the rules were parsed from a file. */
  readonly origins?: readonly (RuleOrigin | undefined)[];
  /** Compare path segments with their case. @default false */
  readonly caseSensitive?: boolean;
  /** `'ignore'`: `/a/` and `/a` are the same path. `'strict'`: they differ. @default 'ignore' */
  readonly trailingSlash?: 'ignore' | 'strict';
}

/** A request to look up in a redirect map. */
export interface MatchInput {
  /** An absolute URL, or an origin-relative path with its query (`/old?x=1`). */
  readonly url: string | URL;
  /** Default `GET`. */
  readonly method?: string;
  /** Read for the Host header when `url` is a path. */
  readonly headers?: HeadersLike;
}

/** The answer for a request that a rule matched. */
export interface MatchResult {
  readonly status: RedirectStatus;
  /** The encoded Location value: no raw non-ASCII, no control characters. */
  readonly location: string;
  readonly rule: { readonly index: number; readonly from: string; readonly to: string };
  /** Headers to send: `Location`, and `Cache-Control` per the map's cache policy. */
  readonly headers: Readonly<Record<string, string>>;
}

/** What {@link analyzeRedirects} reports. */
export type FindingKind =
  | 'loop'
  | 'chain'
  | 'shadowed'
  | 'duplicate'
  | 'self-redirect'
  | 'downgrade'
  | 'permanence-mix'
  | 'method-change'
  | 'external';

/** One finding of the static analysis of a redirect map. */
export interface Finding {
  readonly kind: FindingKind;
  readonly severity: 'error' | 'warning' | 'info';
  /** Indexes of the rules involved, in the order that explains the finding. */
  readonly rules: readonly number[];
  readonly message: string;
  /** A rule that fixes the finding, where one exists (a collapsed chain, say). */
  readonly fix?: { readonly index: number; readonly rule: RedirectRule };
}

/** A compiled redirect map. */
export interface RedirectMap {
  /** The first rule, in declaration order, that matches the request; `null` when none does. */
  match(input: MatchInput): MatchResult | null;
  /** {@link analyzeRedirects} over this map's rules. */
  analyze(): Finding[];
  readonly rules: readonly RedirectRule[];
  readonly size: number;
}

/** One problem in a redirect map's configuration. */
export interface ConfigIssue {
  /** The rule's index in the list (0-based). */
  readonly index: number;
  /** 1-based source line, when the rules were read from a file. */
  readonly line?: number;
  readonly file?: string;
  /** The offending field (`from`, `to`, `status`...), or `''` for the rule as a whole. */
  readonly field: string;
  readonly message: string;
}
