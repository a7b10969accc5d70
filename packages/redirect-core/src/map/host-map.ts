import { encodeLocation } from '../guard/encode-location';
import { cacheControlFor } from './cache';
import { RedirectConfigError } from './errors';
import { HostRequest } from './host-request';
import { RedirectMatcher } from './matcher';
import { compileNetlifyRule } from './netlify-rule';
import { compileNextRule } from './next-rule';
import { issueAt, ruleStatusCodes } from './rules';
import type {
  ConfigIssue,
  MatchAnswer,
  MatchInput,
  MatchResult,
  RedirectMapOptions,
  RedirectRule,
  RuleOrigin,
} from './types';

const PREFIX = '@org/redirect-core';
const SAME_SITE = 'https://same-site.invalid';

/** Whether a rule is read with a host's semantics (or is served by the host). */
export function isHostRule(rule: unknown): boolean {
  if (rule === null || typeof rule !== 'object') return false;
  const r = rule as RedirectRule;
  return r.syntax !== undefined || r.serve !== undefined;
}

interface CompiledHostRule {
  readonly index: number;
  readonly match: (request: HostRequest) => string | null;
  /** Answer `serve` with this reason rather than redirecting. */
  readonly serve: 'rewrite' | 'status' | 'condition' | null;
  readonly status: number;
  /** An exact Netlify path: looked up by path rather than tested in turn. */
  readonly exactPath: string | null;
}

/**
 * A redirect map over rules read with their host's semantics: host rules are tested in order
 * (exact Netlify paths by lookup), the other rules through the compiled matcher, and the
 * first rule in declaration order wins.
 */
export class HostRedirectMatcher {
  readonly rules: readonly RedirectRule[];
  readonly size: number;
  readonly #plain: RedirectMatcher | null;
  /** Index in `rules` of each rule of the plain matcher. */
  readonly #plainIndex: number[];
  readonly #patterns: CompiledHostRule[] = [];
  readonly #exact = new Map<string, CompiledHostRule[]>();
  readonly #options: RedirectMapOptions;
  readonly #baseOrigin: string;

  constructor(rules: readonly RedirectRule[], options: RedirectMapOptions) {
    this.rules = rules.slice();
    this.size = rules.length;
    this.#options = options;
    const issues: ConfigIssue[] = [];
    const plain: RedirectRule[] = [];
    const plainOrigins: (RuleOrigin | undefined)[] = [];
    this.#plainIndex = [];
    for (const [index, rule] of rules.entries()) {
      if (!isHostRule(rule)) {
        this.#plainIndex.push(index);
        plain.push(rule);
        plainOrigins.push(options.origins?.[index]);
        continue;
      }
      const compiled = this.#compile(rule, index, issues);
      if (compiled === null) continue;
      if (compiled.exactPath !== null) {
        const list = this.#exact.get(compiled.exactPath);
        if (list === undefined) this.#exact.set(compiled.exactPath, [compiled]);
        else list.push(compiled);
      } else this.#patterns.push(compiled);
    }
    let matcher: RedirectMatcher | null = null;
    try {
      matcher = new RedirectMatcher(plain, { ...options, origins: plainOrigins });
    } catch (error) {
      if (!(error instanceof RedirectConfigError)) throw error;
      for (const issue of error.issues) {
        issues.push({ ...issue, index: issue.index < 0 ? -1 : this.#plainIndex[issue.index]! });
      }
    }
    if (issues.length > 0) {
      issues.sort((a, b) => a.index - b.index);
      throw new RedirectConfigError(issues);
    }
    this.#plain = plain.length === 0 ? null : matcher;
    this.#baseOrigin = options.base === undefined ? '' : new URL(options.base).origin;
  }

  #compile(rule: RedirectRule, index: number, issues: ConfigIssue[]): CompiledHostRule | null {
    const add = (field: string, message: string) =>
      issues.push(issueAt(this.#options, index, field, `${PREFIX}: ${message}`));
    if (typeof rule.from !== 'string' || !rule.from.startsWith('/')) {
      add('from', '`from` must be a path starting with "/".');
      return null;
    }
    if (typeof rule.to !== 'string' || rule.to === '') {
      add('to', '`to` must be a non-empty path or URL.');
      return null;
    }
    const status = rule.serve ?? rule.status ?? (rule.permanent === false ? 307 : 308);
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      add('serve', `${String(status)} is not an HTTP status.`);
      return null;
    }
    const syntax = rule.syntax ?? 'netlify';
    if (syntax !== 'netlify' && syntax !== 'next') {
      add('syntax', 'the syntax must be "netlify" or "next".');
      return null;
    }
    let match: (request: HostRequest) => string | null;
    let hostOnly = false;
    try {
      if (syntax === 'netlify') {
        const netlify = compileNetlifyRule(rule);
        match = netlify.match;
        hostOnly = netlify.hostOnly;
      } else {
        match = compileNextRule(rule, {
          caseSensitive: this.#options.caseSensitive === true,
          internal: rule.from === '/:path+/' && rule.to === '/:path+',
        }).match;
      }
    } catch (error) {
      add('from', `"${rule.from}" cannot be read: ${(error as Error).message}`);
      return null;
    }
    const serve =
      rule.serve !== undefined
        ? isRuleStatus(rule.serve)
          ? null
          : rule.serve === 200
            ? 'rewrite'
            : 'status'
        : hostOnly
          ? 'condition'
          : null;
    const exactPath =
      syntax === 'netlify' &&
      !/[:*]/.test(rule.from) &&
      rule.query === undefined &&
      rule.conditions === undefined &&
      rule.host === undefined &&
      rule.scheme === undefined
        ? trimSlash(rule.from)
        : null;
    return { index, match, serve, status, exactPath };
  }

  match(input: MatchInput): MatchAnswer | null {
    try {
      return this.#match(input);
    } catch {
      return null;
    }
  }

  #match(input: MatchInput): MatchAnswer | null {
    const request = new HostRequest(input);
    const plain = this.#plain?.match(input) ?? null;
    let limit = plain === null ? Number.POSITIVE_INFINITY : this.#plainIndex[plain.rule.index]!;
    let best: { rule: CompiledHostRule; to: string } | null = null;
    if (this.#exact.size > 0 && request.path !== null) {
      let path: string | null = null;
      try {
        path = trimSlash(decodeURIComponent(request.path));
      } catch {
        path = null;
      }
      for (const rule of (path === null ? undefined : this.#exact.get(path)) ?? []) {
        if (rule.index >= limit) break;
        const to = rule.match(request);
        if (to !== null) {
          best = { rule, to };
          limit = rule.index;
          break;
        }
      }
    }
    for (const rule of this.#patterns) {
      if (rule.index >= limit) break;
      const to = rule.match(request);
      if (to !== null) {
        best = { rule, to };
        break;
      }
    }
    if (best === null) {
      if (plain === null) return null;
      return { ...plain, rule: { ...plain.rule, index: limit } };
    }
    return this.#answer(best.rule, best.to, request);
  }

  #answer(compiled: CompiledHostRule, to: string, request: HostRequest): MatchAnswer | null {
    const source = this.rules[compiled.index]!;
    const rule = { index: compiled.index, from: source.from, to: source.to };
    if (compiled.serve !== null) {
      return { kind: 'serve', status: compiled.status, rule, reason: compiled.serve };
    }
    let destination = to;
    if (source.syntax === 'netlify' && source.preserveQuery !== false && request.query !== '') {
      destination = carryNetlifyQuery(destination, request.query);
    }
    const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(destination);
    const location = encodeLocation(absolute ? destination : this.#baseOrigin + destination);
    // A path destination must stay on the site, whatever the request put into it.
    if (!absolute) {
      try {
        const base = this.#baseOrigin || SAME_SITE;
        if (new URL(location, base).origin !== base) return null;
      } catch {
        return null;
      }
    }
    const status = compiled.status as MatchResult['status'];
    const cacheControl = cacheControlFor(status, this.#options.cache);
    return {
      kind: 'redirect',
      status,
      location,
      rule,
      headers: cacheControl === null ? { location } : { location, 'cache-control': cacheControl },
    };
  }
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

// The five redirect statuses, from the map's own list: importing the status table here would put
// it (and every client profile) into the `/map` bundle.
function isRuleStatus(status: number): boolean {
  return (ruleStatusCodes as readonly number[]).includes(status);
}

/**
 * Netlify passes the request's query on to a destination that has no query parameters of its
 * own, whatever the rule's query conditions; a destination with parameters keeps only its own
 * (netlify-cli 26.2.0, `src/utils/proxy.ts`, which drives the same netlify-redirector; seen on
 * Netlify's edge too). The request's query is kept byte for byte.
 */
function carryNetlifyQuery(destination: string, query: string): string {
  const hash = destination.indexOf('#');
  const head = hash === -1 ? destination : destination.slice(0, hash);
  const mark = head.indexOf('?');
  if (mark !== -1 && /[^&]/.test(head.slice(mark + 1))) return destination;
  return `${mark === -1 ? head : head.slice(0, mark)}?${query}${destination.slice(head.length)}`;
}
