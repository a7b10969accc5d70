import { analyzeRedirects } from './analyze';
import { HostRedirectMatcher, isHostRule } from './host-map';
import { RedirectMatcher } from './matcher';
import type { Finding, RedirectMap, RedirectMapOptions, RedirectRule } from './types';

/**
 * Compiles redirect rules into a map that answers requests with the first matching rule, in
 * declaration order, without testing every rule.
 *
 * **How requests are compared** (the static analysis uses the same rules):
 * - Paths are split on `/`, then each segment is percent-decoded, so `/caf%C3%A9` and `/café`
 *   are the same path, and `%2F` stays inside its segment. A malformed escape (`%zz`,
 *   `%E0%A4%A`, invalid UTF-8 like `%C3%28`) never matches and never throws.
 * - Case-insensitive unless `options.caseSensitive`; captured values keep the request's case.
 * - One trailing slash is ignored (`/a/` is `/a`) unless `options.trailingSlash` is `'strict'`.
 * - `:name` matches one non-empty segment; `*` / `:name*` match the rest, zero or more
 *   segments. Paths are not resolved: `.` and `..` are ordinary segments for matching, but
 *   never substituted (see below).
 * - `host` compares with the URL's host, or the `Host` (or `:authority`) header for a path-only
 *   `url`, in any case; the port counts only if the rule names one. `query` compares decoded
 *   names and values (`+` is a space; `true` accepts any value). `methods` compares in any case,
 *   and a rule that lists `GET` also matches `HEAD`. A request without a method is a `GET`.
 *
 * **What a match answers**:
 * - `location`: `to` with params substituted (each value percent-encoded; a splat joins its
 *   segments with `/`), prefixed with `options.base`'s origin for path destinations, then
 *   passed through {@link encodeLocation}. A substituted destination must pass the
 *   open-redirect guard ({@link createRedirectGuard}): it must stay on the site (or on the
 *   origin of an absolute `to`); when it does not (a value such as `%2F%2Fevil.test` or a
 *   control character), or a value is a dot segment (`.` or `..`, also as `%2e`), `match`
 *   returns `null`, as if nothing matched. Only a rule whose authored `to` is absolute may
 *   point to another origin.
 * - The whole Location, carried query included, is at most `options.maxLocationLength`
 *   characters (default 2048); a longer answer is `null`. A `to` that cannot fit, or that
 *   substitutes more than 32 values, is a {@link RedirectConfigError} when the map is built.
 * - The request's query is carried over unless `preserveQuery: false`, merged with the query
 *   of `to`: a parameter that `to` names is dropped from the request's query (the destination
 *   wins); the others follow in their order and encoding. A `#fragment` of `to` stays last.
 * - `headers`, with lower-case names: `location`, and `cache-control` from `options.cache`:
 *   `max-age=3600` on 301 and 308 by default, nothing on 302, 303 and 307 by default.
 *   Results without a carried query are shared, frozen objects.
 *
 * **Status**: a rule's `status`, or {@link chooseStatus} of its `permanent` and
 * `preserveMethod`; a rule with neither is a temporary 307.
 *
 * **Speed**: exact paths are found with one hash lookup and patterns through a segment tree
 * compiled here, where an exact path that an earlier pattern also matches is found once, so
 * `match` never tests rules one by one. A lookup whose tree search would visit more than a few
 * hundred nodes (rules built so that every branch matches) switches to a bit-set index whose
 * cost is bounded by the rule count. zod validates the rules here, never in `match`, and a
 * string `url` is parsed without constructing a `URL`.
 *
 * @throws {RedirectConfigError} listing every invalid rule and option at once.
 * @example
 * ```ts
 * const map = createRedirectMap([
 *   { from: '/blog/:slug', to: '/articles/:slug', permanent: true },
 *   { from: '/docs/*', to: 'https://docs.example.com/:splat', status: 302 },
 * ]);
 * map.match({ url: '/blog/Hello?ref=x' });
 * // { status: 308, location: '/articles/Hello?ref=x', rule: { index: 0, ... },
 * //   headers: { location: '/articles/Hello?ref=x', 'cache-control': 'max-age=3600' } }
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.2 (Location)
 * @see {@link analyzeRedirects} for loops, chains and shadowed rules (`map.analyze()`).
 */
export function createRedirectMap(
  rules: readonly RedirectRule[],
  options: RedirectMapOptions = {},
): RedirectMap {
  // Rules read with a host's semantics (parsed from a host's file) are matched in their place.
  if (Array.isArray(rules) && rules.some(isHostRule)) return new HostRedirectMap(rules, options);
  return new CompiledRedirectMap(rules, options);
}

/** The matcher with the analysis of its own rules. */
class CompiledRedirectMap extends RedirectMatcher implements RedirectMap {
  analyze(): Finding[] {
    return analyzeRedirects(this.rules, {
      ...this.pathOptions,
      ...(this.origins === undefined ? {} : { origins: this.origins }),
    });
  }
}

/** A map of rules read with their host's semantics, with the analysis of its rules. */
class HostRedirectMap extends HostRedirectMatcher implements RedirectMap {
  readonly #options: RedirectMapOptions;
  constructor(rules: readonly RedirectRule[], options: RedirectMapOptions) {
    super(rules, options);
    this.#options = options;
  }
  analyze(): Finding[] {
    const { caseSensitive, trailingSlash, origins } = this.#options;
    const findings = analyzeRedirects(this.rules, {
      ...(caseSensitive === undefined ? {} : { caseSensitive }),
      ...(trailingSlash === undefined ? {} : { trailingSlash }),
      ...(origins === undefined ? {} : { origins }),
    });
    // The analysis follows plain approximations of host rules, which may not tell `/a/` from
    // `/a` where the host does: a self-redirect the host's own matching refutes is dropped.
    return findings.filter((finding) => {
      const index = finding.rules[0]!;
      if (finding.kind !== 'self-redirect') return true;
      const first = this.match({ url: this.rules[index]!.from });
      return (
        first?.kind !== 'redirect' ||
        first.rule.index !== index ||
        this.match({ url: first.location })?.rule.index === index
      );
    });
  }
}
