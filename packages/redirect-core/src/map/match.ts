import { z } from 'zod';
import { encodeLocation } from '../guard/encode-location';
import { createRedirectGuard, DEFAULT_MAX_TARGET_LENGTH, type RedirectGuard } from '../guard/guard';
import { headerValues } from '../headers/headers';
import type { RedirectStatus } from '../status/status';
import { analyzeRedirects } from './analyze';
import { cacheControlFor, cachePolicySchema } from './cache';
import { RedirectConfigError } from './errors';
import {
  type DestinationTemplate,
  decodeQueryComponent,
  encodeValue,
  foldSegment,
  type ParsedPattern,
  type PathOptions,
  parseDestination,
  parsePattern,
  patternKey,
  requestPathKey,
  requestSegments,
  splitPath,
  substitute,
} from './pattern';
import { ruleStatus } from './rule-status';
import { checkRule, checkRuleShapes, type RuleConditions, ruleConditions } from './rules';
import type {
  ConfigIssue,
  Finding,
  MatchInput,
  MatchResult,
  RedirectMap,
  RedirectMapOptions,
  RedirectRule,
} from './types';

const PREFIX = '@org/redirect-core';

const optionsSchema = z.strictObject({
  cache: cachePolicySchema.optional(),
  base: z
    .string()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '';
        } catch {
          return false;
        }
      },
      { error: 'base must be an absolute http(s) URL such as "https://example.com".' },
    )
    .optional(),
  origins: z.custom<readonly unknown[]>((value) => Array.isArray(value), {
    error: 'origins must be an array with one { line, file? } (or undefined) per rule.',
  }),
  caseSensitive: z.boolean().optional(),
  trailingSlash: z.enum(['ignore', 'strict']).optional(),
});

// A `from` that is a valid exact path on its own (no param, splat, "%" or empty segment), and
// a `to` that is a valid destination without params: checked without building a pattern.
const SIMPLE_FROM = /^(?=\/)(?:\/[A-Za-z0-9._~!$&'()+,;=@-]+)*\/?$/;
const SIMPLE_TO =
  /^(?:\/(?!\/)|https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?=[/?#]|$))[A-Za-z0-9._~!$&'()*+,;=@/?#-]*$/;
const SAME_SITE_BASE = 'https://same-site.invalid';
const ORIGIN = /^https?:\/\/[^/?#]+/i;

/** Rules that share an exact path, or an exact path that an earlier pattern also matches. */
class ExactSlot {
  constructor(
    /** Rule indexes with this exact path, in order. */
    readonly rules: number[],
    /** The first pattern rule that matches this path (ignoring conditions), or Infinity. */
    public shadow: number,
  ) {}
}

/**
 * Rule indexes in order: one alone as a number (most tree nodes hold one rule, and an array
 * per rule costs 56 bytes), several as an array, or none.
 */
type Rules = number | number[] | null;

function withRule(rules: Rules, index: number): number | number[] {
  if (rules === null) return index;
  if (typeof rules === 'number') return [rules, index];
  rules.push(index);
  return rules;
}

/** A node of the compiled segment tree of pattern rules. */
class TreeNode {
  /**
   * Literal children by a hash of their (folded) segment: looking a request segment up needs
   * no substring, so no allocation. A bucket holds the children whose hashes collide.
   */
  lit: Map<number, TreeNode | TreeNode[]> | null = null;
  param: TreeNode | null = null;
  /** Pattern rules ending here. */
  end: Rules = null;
  /** Rules whose splat starts here (it matches zero or more segments). */
  splat: Rules = null;
  /**
   * The smallest rule index in this subtree, to prune the search. Starts at the largest small
   * integer rather than Infinity, so the field holds a small integer, not a boxed double.
   */
  min = 0x3fffffff;

  /** @param literal The segment on the edge into this node ('' for the root and params). */
  constructor(readonly literal = '') {}

  /** The literal child for `text[from, to)`, if any. */
  child(text: string, from: number, to: number): TreeNode | undefined {
    const found = this.lit!.get(hashRange(text, from, to));
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return sameText(found.literal, text, from, to) ? found : undefined;
    for (const node of found) if (sameText(node.literal, text, from, to)) return node;
    return undefined;
  }

  /** The literal child for `literal`, created when missing. */
  addChild(literal: string): TreeNode {
    if (this.lit === null) this.lit = new Map();
    const existing = this.child(literal, 0, literal.length);
    if (existing !== undefined) return existing;
    const node = new TreeNode(literal);
    const hash = hashRange(literal, 0, literal.length);
    const bucket = this.lit.get(hash);
    if (bucket === undefined) this.lit.set(hash, node);
    else if (Array.isArray(bucket)) bucket.push(node);
    else this.lit.set(hash, [bucket, node]);
    return node;
  }
}

// FNV-1a over text[from, to), kept in the small-integer range so Map keys stay unboxed.
function hashRange(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 2;
}

function sameText(literal: string, text: string, from: number, to: number): boolean {
  return literal.length === to - from && text.startsWith(literal, from);
}

/**
 * What a rule with params in `to` answers with, compiled on its first match and kept. A rule
 * with a static `to` keeps only its frozen answer (a `MatchResult`): at 100k rules every field
 * here costs 800 KB, so this holds only what substitution needs.
 */
class ParamTarget {
  constructor(
    readonly status: RedirectStatus,
    readonly rule: MatchResult['rule'],
    readonly cacheControl: string | null,
    readonly preserveQuery: boolean,
    /** `to` is an absolute URL (no prefix; the guard checks it as authored). */
    readonly absolute: boolean,
    /** What precedes a path destination: the base's origin, or ''. */
    readonly prefix: string,
    /**
     * The destination compiled for substitution: literal text already passed through
     * `encodeLocation`, and for each param the index of the request segment it takes.
     */
    readonly parts: readonly (string | number)[],
    /** The segment index a splat starts at, or -1. */
    readonly splatAt: number,
    /** The largest segment index a param of the destination takes. */
    readonly lastSegment: number,
    readonly guard: RedirectGuard,
    /** Substituting inert values is safe without the guard (the template itself passed it). */
    readonly inertSafe: boolean,
  ) {}
}

/** A compiled rule: its shared answer when `to` is static, else what substitution needs. */
type Target = MatchResult | ParamTarget;

/** Flag bits per rule. */
const CONDITIONAL = 1;
/** Set when a static rule is compiled with `preserveQuery: false`. */
const DROPS_QUERY = 2;
/** Set when a compiled rule's `to` has a query or fragment: its template is in `#templates`. */
const MERGES = 4;

/** The request, for rules with conditions: parsed only as far as a condition needs. */
class RequestView {
  readonly method: string;
  #host: string | null | undefined;
  #query: Map<string, string[]> | undefined;

  constructor(
    readonly input: MatchInput,
    readonly rawQuery: string,
    readonly urlHost: string | null,
  ) {
    this.method = typeof input.method === 'string' ? input.method.toUpperCase() : 'GET';
  }

  host(): string | null {
    if (this.#host === undefined) {
      let host = this.urlHost;
      if (host === null && this.input.headers != null) {
        host =
          headerValues(this.input.headers, 'host')[0] ??
          headerValues(this.input.headers, ':authority')[0] ??
          null;
      }
      this.#host = host === null ? null : host.trim().toLowerCase();
    }
    return this.#host;
  }

  query(): Map<string, string[]> {
    if (this.#query === undefined) {
      const map = new Map<string, string[]>();
      for (const pair of this.rawQuery.split('&')) {
        if (pair === '') continue;
        const eq = pair.indexOf('=');
        const key = decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq));
        const value = eq === -1 ? '' : decodeQueryComponent(pair.slice(eq + 1));
        const list = map.get(key);
        if (list === undefined) map.set(key, [value]);
        else list.push(value);
      }
      this.#query = map;
    }
    return this.#query;
  }
}

function hostName(host: string): string {
  let name = host;
  if (name.startsWith('[')) name = name.slice(0, name.indexOf(']') + 1);
  else {
    const colon = name.lastIndexOf(':');
    if (colon !== -1) name = name.slice(0, colon);
  }
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function conditionsHold(c: RuleConditions, req: RequestView): boolean {
  if (c.methods !== null && !c.methods.has(req.method)) return false;
  if (c.host !== null) {
    const host = req.host();
    if (host === null) return false;
    if (c.hostHasPort ? host !== c.host : hostName(host) !== c.host) return false;
  }
  if (c.query !== null) {
    const query = req.query();
    for (const [name, wanted] of c.query) {
      const values = query.get(name);
      if (values === undefined) return false;
      if (wanted !== true && !values.includes(wanted)) return false;
    }
  }
  return true;
}

// The request target of a URL string: path, query, and host when it is absolute.
interface UrlParts {
  path: string;
  query: string;
  host: string | null;
}

function splitUrl(url: string): UrlParts | null {
  let start = 0;
  let host: string | null = null;
  if (url.charCodeAt(0) !== 47) {
    const scheme = /^https?:\/\//i.exec(url);
    if (scheme === null) return null;
    let end = url.length;
    for (let i = scheme[0].length; i < url.length; i++) {
      const c = url.charCodeAt(i);
      if (c === 47 || c === 63 || c === 35 || c === 92) {
        end = i;
        break;
      }
    }
    const authority = url.slice(scheme[0].length, end);
    host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
    if (end === url.length || url.charCodeAt(end) !== 47) {
      url = `/${url.slice(end)}`;
    } else start = end;
  }
  const q = url.indexOf('?', start);
  const h = url.indexOf('#', start);
  let end = url.length;
  let query = '';
  if (h !== -1 && (q === -1 || h < q)) end = h;
  else if (q !== -1) {
    end = q;
    query = h === -1 ? url.slice(q + 1) : url.slice(q + 1, h);
  }
  return {
    path: start === 0 && end === url.length ? url : url.slice(start, end),
    query,
    host,
  };
}

// A key segment decoded back (keys escape "%" and "/" inside segments).
function unescapeKeySegment(segment: string): string {
  return segment.replace(/%(?:25|2f|3f|23)/gi, (m) =>
    m === '%25' ? '%' : m === '%23' ? '#' : m[2] === '3' ? '?' : '/',
  );
}

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
 *   segments. Paths are not resolved: `.` and `..` are ordinary segments.
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
 *   control character), or is longer than 2048 characters, `match` returns `null`, as if
 *   nothing matched. Only a rule whose authored `to` is absolute may point to another origin.
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
 * `match` never tests rules one by one. zod validates the rules here, never in `match`, and a
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
  return new CompiledRedirectMap(rules, options);
}

class CompiledRedirectMap implements RedirectMap {
  readonly rules: readonly RedirectRule[];
  readonly size: number;
  readonly #options: RedirectMapOptions;
  readonly #path: PathOptions;
  readonly #strict: boolean;
  readonly #exact = new Map<string, number | ExactSlot>();
  readonly #answers = new Map<string, MatchResult>();
  readonly #root = new TreeNode();
  #patterns = 0;
  /** CONDITIONAL, DROPS_QUERY and MERGES bits per rule. */
  readonly #flags: Uint8Array;
  readonly #conditions = new Map<number, RuleConditions>();
  readonly #targets: (Target | undefined)[];
  /** Templates of destinations with a query or fragment, by `to`: merging a query needs them. */
  readonly #templates = new Map<string, DestinationTemplate>();
  readonly #guards = new Map<string, RedirectGuard>();
  readonly #baseOrigin: string;
  /** Whether the key being searched holds escapes (set before each search). */
  #escaped = false;

  constructor(rules: readonly RedirectRule[], options: RedirectMapOptions) {
    const issues: ConfigIssue[] = [];
    const parsedOptions = optionsSchema.partial({ origins: true }).safeParse(options ?? {});
    if (!parsedOptions.success) {
      for (const issue of parsedOptions.error.issues) {
        const field = ['options', ...issue.path.map(String)].join('.');
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown option${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}; the options are cache, base, origins, caseSensitive, trailingSlash.`
            : issue.message;
        issues.push({ index: -1, field, message: `${PREFIX}: ${message}` });
      }
      throw new RedirectConfigError(issues);
    }
    if (!Array.isArray(rules)) {
      throw new RedirectConfigError([
        {
          index: -1,
          field: '',
          message: `${PREFIX}: the redirect rules must be an array of { from, to }.`,
        },
      ]);
    }
    this.#options = options;
    this.#path = {
      caseSensitive: options.caseSensitive === true,
      trailingSlash: options.trailingSlash ?? 'ignore',
    };
    this.#strict = this.#path.trailingSlash === 'strict';
    this.#baseOrigin = options.base === undefined ? '' : new URL(options.base).origin;
    this.rules = rules.slice();
    this.size = rules.length;
    this.#flags = new Uint8Array(rules.length);
    this.#targets = new Array<Target | undefined>(rules.length).fill(undefined);

    const badShape = checkRuleShapes(rules, options, issues);
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index];
      if (rule === null || typeof rule !== 'object') continue;
      let key = this.#simpleKey(rule);
      let pattern: ParsedPattern | null = null;
      if (key === null) {
        pattern = checkRule(rule, index, options, issues, badShape);
        if (pattern === null) continue;
        if (pattern.exact) key = patternKey(pattern, this.#path);
      }
      if (issues.length > 0) continue;
      if (rule.host !== undefined || rule.query !== undefined || rule.methods !== undefined) {
        this.#flags[index] = CONDITIONAL;
        const conditions = ruleConditions(rule);
        if (conditions !== null) this.#conditions.set(index, conditions);
      }
      if (key !== null) this.#addExact(key, index);
      else if (pattern !== null) this.#addPattern(pattern, index);
    }
    if (issues.length > 0) {
      issues.sort((a, b) => a.index - b.index);
      throw new RedirectConfigError(issues);
    }
    if (this.#patterns > 0) this.#resolveShadowing();
  }

  #simpleKey(rule: RedirectRule): string | null {
    const { from, to } = rule;
    if (typeof from !== 'string' || typeof to !== 'string') return null;
    if (
      rule.status !== undefined &&
      (rule.permanent !== undefined || rule.preserveMethod !== undefined)
    ) {
      return null;
    }
    if (from.length > 4096 || to.length > 8192 || !SIMPLE_FROM.test(from) || !SIMPLE_TO.test(to)) {
      return null;
    }
    let key = from;
    if (!this.#strict && key.length > 1 && key.charCodeAt(key.length - 1) === 47) {
      key = key.slice(0, -1);
    }
    return this.#path.caseSensitive ? key : key.toLowerCase();
  }

  #addExact(key: string, index: number): void {
    const found = this.#exact.get(key);
    const conditional = this.#flags[index] === CONDITIONAL;
    if (found === undefined) {
      this.#exact.set(key, conditional ? new ExactSlot([index], Number.POSITIVE_INFINITY) : index);
    } else if (typeof found === 'number') {
      this.#exact.set(key, new ExactSlot([found, index], Number.POSITIVE_INFINITY));
    } else if (found instanceof ExactSlot) found.rules.push(index);
  }

  #addPattern(pattern: ParsedPattern, index: number): void {
    this.#patterns++;
    let node = this.#root;
    if (node.min > index) node.min = index;
    for (const segment of pattern.segments) {
      if (segment.kind === 'splat') {
        node.splat = withRule(node.splat, index);
        return;
      }
      let next: TreeNode | undefined;
      if (segment.kind === 'param') {
        next = node.param ?? new TreeNode();
        node.param = next;
      } else {
        next = node.addChild(foldSegment(segment.value, this.#path));
      }
      node = next;
      if (node.min > index) node.min = index;
    }
    node.end = withRule(node.end, index);
  }

  // An exact path loses to an earlier pattern rule that also matches it: record, per exact
  // path, the first pattern rule that matches it, so lookups need not search the tree.
  #resolveShadowing(): void {
    this.#escaped = true;
    for (const [key, found] of this.#exact) {
      const start = key === '/' ? -1 : 1;
      if (typeof found === 'number') {
        const shadow = this.#search(this.#root, key, start, found, null);
        if (shadow < found) this.#exact.set(key, new ExactSlot([found], shadow));
      } else if (found instanceof ExactSlot) {
        found.shadow = this.#search(this.#root, key, start, found.shadow, null);
      }
    }
  }

  // The smallest rule index below `best` whose pattern matches the path key from `at` (the
  // start of a segment; -1 past the last) and whose conditions hold (all hold when `req` is
  // null). Walks the key in place rather than splitting it.
  #search(node: TreeNode, key: string, at: number, best: number, req: RequestView | null): number {
    if (node.min >= best) return best;
    if (node.splat !== null) best = this.#firstOf(node.splat, best, req);
    if (at === -1) return node.end === null ? best : this.#firstOf(node.end, best, req);
    const slash = key.indexOf('/', at);
    const next = slash === -1 ? -1 : slash + 1;
    if (node.lit !== null) {
      const end = slash === -1 ? key.length : slash;
      const percent = this.#escaped ? key.indexOf('%', at) : -1;
      let child: TreeNode | undefined;
      if (percent === -1 || percent >= end) child = node.child(key, at, end);
      else {
        const segment = unescapeKeySegment(key.slice(at, end));
        child = node.child(segment, 0, segment.length);
      }
      if (child !== undefined) best = this.#search(child, key, next, best, req);
    }
    // A param never takes an empty segment.
    if (node.param !== null && slash !== at && at !== key.length) {
      best = this.#search(node.param, key, next, best, req);
    }
    return best;
  }

  #firstOf(rules: number | number[], best: number, req: RequestView | null): number {
    if (typeof rules !== 'number') return this.#first(rules, best, req);
    if (rules >= best) return best;
    if (req === null || (this.#flags[rules]! & CONDITIONAL) === 0) return rules;
    return conditionsHold(this.#conditions.get(rules)!, req) ? rules : best;
  }

  #first(list: readonly number[], best: number, req: RequestView | null): number {
    for (const index of list) {
      if (index >= best) break;
      if (req === null || (this.#flags[index]! & CONDITIONAL) === 0) return index;
      if (conditionsHold(this.#conditions.get(index)!, req)) return index;
    }
    return best;
  }

  match(input: MatchInput): MatchResult | null {
    try {
      return this.#match(input);
    } catch {
      // Unreachable by design: a bad request must never crash the server.
      return null;
    }
  }

  #match(input: MatchInput): MatchResult | null {
    const url = input?.url;
    let path: string;
    let query = '';
    let urlHost: string | null = null;
    let found: number | ExactSlot | undefined;
    let key: string | null;
    let escaped: boolean | undefined;
    if (typeof url === 'string') {
      // The answers already given for exact paths, keyed by the canonical target: returned
      // without looking into them, which keeps the hottest path to one hash lookup.
      const answer = this.#answers.get(url);
      if (answer !== undefined) return answer;
      // A target equal to an exact key, byte for byte, is that key's path (keys hold no raw
      // "?" or "#", and are normalised).
      found = this.#exact.get(url);
      if (found !== undefined) {
        path = url;
        key = url;
      } else if (url.charCodeAt(0) === 47) {
        // One pass over an origin-relative target: where the query or fragment starts, and
        // whether the path needs decoding (%) or case folding (A-Z, non-ASCII).
        let end = url.length;
        let hash = -1;
        let percent = false;
        let upper = false;
        for (let i = 1; i < end; i++) {
          const c = url.charCodeAt(i);
          if (c < 65) {
            if (c === 63) {
              end = i;
            } else if (c === 35) {
              end = i;
              hash = i;
            } else if (c === 37) percent = true;
          } else if (c <= 90 || c >= 128) upper = true;
        }
        if (end < url.length) {
          path = url.slice(0, end);
          if (hash === -1) {
            const fragment = url.indexOf('#', end);
            query = fragment === -1 ? url.slice(end + 1) : url.slice(end + 1, fragment);
          }
          found = this.#exact.get(path);
        } else path = url;
        if (percent) key = requestPathKey(path, this.#path);
        else {
          // requestPathKey without escapes, inlined: the hot path of pattern requests.
          escaped = false;
          key = path;
          if (!this.#strict && key.length > 1 && key.charCodeAt(key.length - 1) === 47) {
            key = key.slice(0, -1);
          }
          if (upper && !this.#path.caseSensitive) key = key.toLowerCase();
        }
      } else {
        const split = splitUrl(url);
        if (split === null) return null;
        path = split.path;
        query = split.query;
        urlHost = split.host;
        found = this.#exact.get(path);
        key = found === undefined ? requestPathKey(path, this.#path) : path;
      }
    } else if (url instanceof URL) {
      path = url.pathname;
      query = url.search.length > 1 ? url.search.slice(1) : '';
      urlHost = url.host;
      found = this.#exact.get(path);
      key = found === undefined ? requestPathKey(path, this.#path) : path;
    } else return null;

    if (key === null) return null;
    if (found === undefined && key !== path) found = this.#exact.get(key);
    // The key is the request's own path: its segments need no normalising for captures.
    const plain = key === path;
    if (typeof found === 'number') {
      // A rule alone on its path: remember its shared answer for this exact request target.
      const answer = this.#respond(found, path, query, plain);
      // Only the canonical target, so variants (case, trailing slash, escapes) cannot grow it.
      if (answer !== null && url === key && answer === this.#targets[found]) {
        this.#answers.set(url, answer);
      }
      return answer;
    }

    const req = this.#conditions.size > 0 ? new RequestView(input, query, urlHost) : null;
    let best = Number.POSITIVE_INFINITY;
    if (found !== undefined) {
      best = this.#first(found.rules, best, req);
      if (best < found.shadow) return this.#respond(best, path, query, plain);
    }
    if (this.#patterns > 0) {
      this.#escaped = escaped ?? key.indexOf('%') !== -1;
      best = this.#search(this.#root, key, key === '/' ? -1 : 1, best, req);
    }
    return best === Number.POSITIVE_INFINITY ? null : this.#respond(best, path, query, plain);
  }

  #respond(index: number, path: string, query: string, plain: boolean): MatchResult | null {
    const target = this.#targets[index] ?? this.#compile(index);
    if (!(target instanceof ParamTarget)) {
      if (query === '' || (this.#flags[index]! & DROPS_QUERY) !== 0) return target;
      return this.#carryStatic(target, query, this.#templateOf(index, target.rule));
    }
    const carry = query !== '' && target.preserveQuery;
    let destination: string;
    const quick = plain ? fillPlain(target, path) : null;
    if (quick !== null) destination = quick;
    else {
      const segments =
        plain && path.indexOf('%') === -1
          ? splitPath(path, this.#path)
          : requestSegments(path, this.#path);
      if (segments === null) return null;
      destination = fill(target, segments);
      if (destination === '') return null;
    }
    let location: string;
    if (carry) {
      destination = mergeQuery(this.#templateOf(index, target.rule), destination, query);
      location = encodeLocation(target.absolute ? destination : target.prefix + destination);
    } else {
      // Literal parts were encoded at compile time and values by encodeURIComponent.
      location = target.absolute ? destination : target.prefix + destination;
    }
    return answer(target.status, location, target.rule, target.cacheControl);
  }

  // The template of a rule whose `to` has a query or fragment, for merging the request's query.
  #templateOf(index: number, rule: MatchResult['rule']): DestinationTemplate | undefined {
    return (this.#flags[index]! & MERGES) === 0 ? undefined : this.#templates.get(rule.to);
  }

  // A static rule's answer with the request's query carried to it.
  #carryStatic(
    result: MatchResult,
    query: string,
    template: DestinationTemplate | undefined,
  ): MatchResult {
    const to = result.rule.to;
    const destination = mergeQuery(template, to, query);
    // A static `to` is a path ("/...") or an absolute URL.
    const location = encodeLocation(
      to.charCodeAt(0) === 47 ? this.#baseOrigin + destination : destination,
    );
    return answer(result.status, location, result.rule, result.headers['cache-control'] ?? null);
  }

  #compile(index: number): Target {
    const rule = this.rules[index]!;
    const parsed = parseDestination(rule.to);
    if (!parsed.ok) throw new TypeError(parsed.message);
    const template = parsed.value;
    if (template.hasQuery || template.hasFragment) {
      this.#templates.set(rule.to, template);
      this.#flags[index]! |= MERGES;
    }
    const status = ruleStatus(rule);
    const cacheControl = cacheControlFor(status, this.#options.cache);
    const ruleRef = Object.freeze({ index, from: rule.from, to: rule.to });
    const prefix = template.absolute ? '' : this.#baseOrigin;
    let target: Target;
    if (template.params.length > 0) {
      const pattern = parsePattern(rule.from, this.#path);
      if (!pattern.ok) throw new TypeError(pattern.message);
      const at = new Map<string, number>();
      let splatAt = -1;
      pattern.value.segments.forEach((segment, i) => {
        if (segment.kind !== 'literal') at.set(segment.name, i);
        if (segment.kind === 'splat') splatAt = i;
      });
      let lastSegment = -1;
      const parts = template.parts.map((part, i) => {
        if (typeof part !== 'string') {
          const segment = at.get(part.param) ?? -1;
          if (segment > lastSegment) lastSegment = segment;
          return segment;
        }
        // Encoded as a tail (after a "/"), so only the first part may hold an authority.
        return i === 0 ? encodeLocation(part) : encodeLocation(`/${part}`).slice(1);
      });
      const guard = this.#guardFor(template);
      const sample: Record<string, string | readonly string[]> = {};
      for (const name of pattern.value.params)
        sample[name] = at.get(name) === splatAt ? ['x'] : 'x';
      target = new ParamTarget(
        status,
        ruleRef,
        cacheControl,
        rule.preserveQuery !== false,
        template.absolute,
        prefix,
        parts,
        splatAt,
        lastSegment,
        guard,
        guard(prefix + substitute(template, sample)).ok,
      );
    } else {
      if (rule.preserveQuery === false) this.#flags[index]! |= DROPS_QUERY;
      const location = encodeLocation(template.absolute ? rule.to : prefix + rule.to);
      target = answer(status, location, ruleRef, cacheControl);
      Object.freeze(target);
      Object.freeze(target.headers);
    }
    this.#targets[index] = target;
    return target;
  }

  #guardFor(template: DestinationTemplate): RedirectGuard {
    const authored = template.absolute ? ORIGIN.exec(template.source) : null;
    const base = authored ? new URL(authored[0]).origin : this.#baseOrigin || SAME_SITE_BASE;
    let guard = this.#guards.get(base);
    if (guard === undefined) {
      guard = createRedirectGuard({ base });
      this.#guards.set(base, guard);
    }
    return guard;
  }

  analyze(): Finding[] {
    return analyzeRedirects(this.rules, {
      ...this.#path,
      ...(this.#options.origins === undefined ? {} : { origins: this.#options.origins }),
    });
  }
}

// Encodes a captured value; `inert` tells whether it held only unreserved characters (nothing
// was escaped), is non-empty and does not start with "." (no dot segment). A module variable
// rather than a returned pair, to allocate nothing per value; matching is synchronous.
let inert = true;
function encodeCaptured(value: string): string {
  const encoded = encodeValue(value);
  if (encoded.length !== value.length || value === '' || value.charCodeAt(0) === 46) inert = false;
  return encoded;
}

// RFC 3986 unreserved characters: a value made only of them needs no encoding.
const UNRESERVED = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  UNRESERVED[c.charCodeAt(0)] = 1;
}
// Segment start offsets, reused between calls (matching is synchronous).
let starts = new Int32Array(32);

// Whether path[from, to) is a run of inert segments: unreserved characters (and "/" between
// segments when `slashes`), no segment empty or starting with ".".
function inertRange(path: string, from: number, to: number, slashes: boolean): boolean {
  if (from >= to) return false;
  let segmentStart = true;
  for (let i = from; i < to; i++) {
    const c = path.charCodeAt(i);
    if (c === 47 && slashes) {
      if (segmentStart) return false;
      segmentStart = true;
      continue;
    }
    if (c >= 128 || UNRESERVED[c] === 0 || (segmentStart && c === 46)) return false;
    segmentStart = false;
  }
  return !segmentStart;
}

// The destination for a plain path (its own key, no "%"): values are sliced from the path
// without splitting or encoding it, when every value is inert. `null` means "take the general
// way" (`fill`), which encodes and asks the guard.
function fillPlain(target: ParamTarget, path: string): string | null {
  if (!target.inertSafe) return null;
  const last = target.lastSegment;
  if (starts.length < last + 2) starts = new Int32Array(last + 2);
  let count = 0;
  if (path.length > 1) {
    let at = 1;
    for (;;) {
      starts[count++] = at;
      if (count > last + 1) break;
      const slash = path.indexOf('/', at);
      if (slash === -1) break;
      at = slash + 1;
    }
  }
  let out = '';
  for (const part of target.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (part < 0 || part >= count) return null;
    const from = starts[part]!;
    const splat = part === target.splatAt;
    const to = splat || part + 1 >= count ? path.length : starts[part + 1]! - 1;
    if (!inertRange(path, from, to, splat)) return null;
    out += path.slice(from, to);
  }
  return target.prefix.length + out.length <= DEFAULT_MAX_TARGET_LENGTH ? out : null;
}

// The destination with the request's segments substituted, or '' when the guard refuses it.
function fill(target: ParamTarget, segments: readonly string[]): string {
  inert = true;
  let out = '';
  for (const part of target.parts) {
    if (typeof part === 'string') out += part;
    else if (part === target.splatAt) {
      if (part >= segments.length) inert = false;
      for (let i = part; i < segments.length; i++) {
        if (i > part) out += '/';
        out += encodeCaptured(segments[i]!);
      }
    } else if (part >= 0) out += encodeCaptured(segments[part] ?? '');
  }
  const full = target.prefix + out;
  if (target.inertSafe && inert && full.length <= DEFAULT_MAX_TARGET_LENGTH) return out;
  return target.guard(target.absolute ? out : full).ok ? out : '';
}

// `template` is that of a destination with a query or fragment, undefined for one without.
function mergeQuery(
  template: DestinationTemplate | undefined,
  destination: string,
  query: string,
): string {
  if (template === undefined) return `${destination}?${query}`;
  const hashAt = template.hasFragment ? destination.indexOf('#') : -1;
  const head = hashAt === -1 ? destination : destination.slice(0, hashAt);
  const tail = hashAt === -1 ? '' : destination.slice(hashAt);
  if (!template.hasQuery) return `${head}?${query}${tail}`;
  let kept = '';
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq));
    if (template.queryKeys.includes(name)) continue;
    kept += kept === '' ? pair : `&${pair}`;
  }
  if (kept === '') return destination;
  const last = head.charCodeAt(head.length - 1);
  return `${head}${last === 63 || last === 38 ? '' : '&'}${kept}${tail}`;
}

function answer(
  status: RedirectStatus,
  location: string,
  rule: MatchResult['rule'],
  cacheControl: string | null,
): MatchResult {
  return {
    status,
    location,
    rule,
    headers: cacheControl === null ? { location } : { location, 'cache-control': cacheControl },
  };
}
