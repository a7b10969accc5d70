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
  /**
   * Read `from` and fill `to` the way a host does, for rules parsed from a host's file:
   * `'netlify'` (`_redirects` / `netlify.toml`) or `'next'` (path-to-regexp sources of Next.js
   * and Vercel). Such rules are matched one by one in their place, with the host's semantics.
   */
  readonly syntax?: HostSyntax;
  /**
   * The host answers the request itself with this status (a `200` rewrite or proxy, a `404` /
   * `410` error page...): the map answers `{ kind: 'serve' }` so the request is passed on.
   */
  readonly serve?: number;
  /** Only requests with this scheme match (a Netlify rule on `https://host/...`). */
  readonly scheme?: 'http' | 'https';
  /** Next.js / Vercel `has`: every condition must hold (values are regular expressions). */
  readonly has?: readonly HostCondition[];
  /** Next.js / Vercel `missing`: no condition may hold. */
  readonly missing?: readonly HostCondition[];
  /** Netlify conditions: `Language` and `Cookie` are evaluated, `Country` and `Role` are the host's. */
  readonly conditions?: NetlifyConditions;
}

/** How a host reads a rule: Netlify's `_redirects`, or Next.js / Vercel path-to-regexp. */
export type HostSyntax = 'netlify' | 'next';

/** A Next.js / Vercel `has` / `missing` condition. `value` is a regular expression. */
export interface HostCondition {
  readonly type: 'header' | 'cookie' | 'query' | 'host';
  readonly key?: string;
  readonly value?: string;
}

/** Netlify rule conditions (`Language=en,de`, `Country=us`, `Role=admin`, `Cookie=name`). */
export interface NetlifyConditions {
  readonly language?: readonly string[];
  readonly country?: readonly string[];
  readonly role?: readonly string[];
  readonly cookie?: readonly string[];
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
  /**
   * The longest Location a match may answer, in characters, counting the base's origin and the
   * carried-over query: a longer answer is no match (`null`), and a `to` that cannot fit even
   * with one-character values is a {@link RedirectConfigError}. Bounds the work of every match.
   * @default 2048 (the guard's `DEFAULT_MAX_TARGET_LENGTH`)
   */
  readonly maxLocationLength?: number;
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

/** The answer for a request that a redirect rule matched. */
export interface MatchResult {
  readonly kind: 'redirect';
  readonly status: RedirectStatus;
  /** The encoded Location value: no raw non-ASCII, no control characters. */
  readonly location: string;
  readonly rule: { readonly index: number; readonly from: string; readonly to: string };
  /** Headers to send: `Location`, and `Cache-Control` per the map's cache policy. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The answer for a request that a rule the host serves itself matched: a rewrite, proxy or
 * error page, or a rule whose condition only the host can see (Netlify `Country`, `Role`).
 * Adapters pass the request on, as when nothing matched.
 */
export interface ServeResult {
  readonly kind: 'serve';
  /** The status the host answers with (200 for a rewrite, 404, 410...). */
  readonly status: number;
  readonly rule: { readonly index: number; readonly from: string; readonly to: string };
  /** Why the host serves it. */
  readonly reason: 'rewrite' | 'status' | 'condition';
  /** No Location: the host answers, not a redirect. */
  readonly location?: undefined;
  readonly headers?: undefined;
}

/** What {@link RedirectMap.match} answers for a matched request. */
export type MatchAnswer = MatchResult | ServeResult;

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
  /** Indexes (0-based) of the rules involved, in the order that explains the finding. */
  readonly rules: readonly number[];
  /** For people: names rules by number from 1 (`rule 1` is index 0) and by `file:line`. */
  readonly message: string;
  /** A rule that fixes the finding (a collapsed chain, say), with its 0-based `index`. */
  readonly fix?: { readonly index: number; readonly rule: RedirectRule };
}

/** A compiled redirect map. */
export interface RedirectMap {
  /** The first rule, in declaration order, that matches the request; `null` when none does. */
  match(input: MatchInput): MatchAnswer | null;
  /** {@link analyzeRedirects} over this map's rules. */
  analyze(): Finding[];
  readonly rules: readonly RedirectRule[];
  readonly size: number;
}

/** One problem in a redirect map's configuration. */
export interface ConfigIssue {
  /** The rule's index in the list (0-based; messages call index 0 `rule 1`), `-1` for options. */
  readonly index: number;
  /** 1-based source line, when the rules were read from a file. */
  readonly line?: number;
  readonly file?: string;
  /** The offending field (`from`, `to`, `status`...), or `''` for the rule as a whole. */
  readonly field: string;
  readonly message: string;
}
