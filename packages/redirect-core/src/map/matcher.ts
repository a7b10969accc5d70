import { encodeLocation } from '../guard/encode-location';
import { DEFAULT_MAX_TARGET_LENGTH } from '../guard/guard';
import { RequestView, RulePicker } from './conditions';
import {
  answer,
  Destinations,
  fill,
  fillPlain,
  locationLimitProblem,
  ParamTarget,
} from './destination';
import { RedirectConfigError } from './errors';
import { addExact, type ExactIndex, ExactSlot, simpleKey } from './exact-index';
import { CONDITIONAL, DROPS_QUERY } from './flags';
import { checkMapOptions } from './options';
import {
  type DestinationTemplate,
  type ParsedPattern,
  type PathOptions,
  patternKey,
  requestPathKey,
  requestSegments,
  splitPath,
} from './pattern';
import { mergeQuery } from './query';
import { originForm } from './request-target';
import { checkRule, checkRuleShapes, issueAt, type RuleConditions, ruleConditions } from './rules';
import { SegmentTree } from './segment-tree';
import type {
  MatchInput,
  MatchResult,
  RedirectMapOptions,
  RedirectRule,
  RuleOrigin,
} from './types';

const PREFIX = '@org/redirect-core';

/**
 * The compiled matcher of a redirect map: validates the rules and options, indexes exact paths
 * and builds the segment tree of patterns, then answers `match`. `createRedirectMap` adds
 * `analyze()` on top; the analysis itself matches through this class, so it never imports the
 * map that calls it.
 *
 * @throws {RedirectConfigError} listing every invalid rule and option at once.
 */
export class RedirectMatcher {
  readonly rules: readonly RedirectRule[];
  readonly size: number;
  /** How paths compare (case, trailing slash), as resolved from the options. */
  readonly pathOptions: PathOptions;
  /** Where each rule came from, as given in the options. */
  readonly origins: readonly (RuleOrigin | undefined)[] | undefined;
  readonly #strict: boolean;
  /** Exact paths; a canonical target once answered holds its shared answer (see #match). */
  readonly #exact: ExactIndex = new Map();
  readonly #tree: SegmentTree;
  /** CONDITIONAL, DROPS_QUERY and MERGES bits per rule. */
  readonly #flags: Uint8Array;
  readonly #conditions = new Map<number, RuleConditions>();
  readonly #picker: RulePicker;
  readonly #destinations: Destinations;
  readonly #targets: Destinations['targets'];
  readonly #baseOrigin: string;
  /** `maxLocationLength`: no answer is longer. */
  readonly #maxLength: number;

  constructor(rules: readonly RedirectRule[], options: RedirectMapOptions) {
    const optionIssues = checkMapOptions(options);
    if (optionIssues.length > 0) throw new RedirectConfigError(optionIssues);
    if (!Array.isArray(rules)) {
      throw new RedirectConfigError([
        {
          index: -1,
          field: '',
          message: `${PREFIX}: the redirect rules must be an array of { from, to }.`,
        },
      ]);
    }
    this.origins = options.origins;
    this.pathOptions = {
      caseSensitive: options.caseSensitive === true,
      trailingSlash: options.trailingSlash ?? 'ignore',
    };
    this.#strict = this.pathOptions.trailingSlash === 'strict';
    this.#baseOrigin = options.base === undefined ? '' : new URL(options.base).origin;
    this.#maxLength = options.maxLocationLength ?? DEFAULT_MAX_TARGET_LENGTH;
    this.rules = rules.slice();
    this.size = rules.length;
    this.#flags = new Uint8Array(rules.length);
    this.#picker = new RulePicker(this.#flags, this.#conditions);
    this.#tree = new SegmentTree(this.#picker, this.pathOptions, rules.length);
    this.#destinations = new Destinations(
      this.rules,
      this.#flags,
      this.pathOptions,
      this.#baseOrigin,
      options.cache,
      this.#maxLength,
    );
    this.#targets = this.#destinations.targets;

    const issues = optionIssues;
    const badShape = checkRuleShapes(rules, options, issues);
    const caseSensitive = this.pathOptions.caseSensitive === true;
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index];
      if (rule === null || typeof rule !== 'object') continue;
      const before = issues.length;
      let key = simpleKey(rule, this.#strict, caseSensitive);
      let pattern: ParsedPattern | null = null;
      if (key === null) {
        pattern = checkRule(rule, index, options, issues, badShape);
        if (pattern === null) continue;
        if (pattern.exact) key = patternKey(pattern, this.pathOptions);
      }
      // Only for a rule whose `to` is otherwise valid: one issue per problem.
      if (
        issues.length === before &&
        badShape?.has(index) !== true &&
        typeof rule.to === 'string'
      ) {
        const problem = locationLimitProblem(rule.to, this.#baseOrigin, this.#maxLength);
        if (problem !== null) issues.push(issueAt(options, index, 'to', `${PREFIX}: ${problem}`));
      }
      if (issues.length > 0) continue;
      if (rule.host !== undefined || rule.query !== undefined || rule.methods !== undefined) {
        this.#flags[index] = CONDITIONAL;
        const conditions = ruleConditions(rule);
        if (conditions !== null) this.#conditions.set(index, conditions);
      }
      if (key !== null) addExact(this.#exact, key, index, this.#flags[index] === CONDITIONAL);
      else if (pattern !== null) this.#tree.add(pattern, index);
    }
    if (issues.length > 0) {
      issues.sort((a, b) => a.index - b.index);
      throw new RedirectConfigError(issues);
    }
    if (this.#tree.size > 0) this.#resolveShadowing();
  }

  // An exact path loses to an earlier pattern rule that also matches it: record, per exact
  // path, the first pattern rule that matches it, so lookups need not search the tree.
  #resolveShadowing(): void {
    const tree = this.#tree;
    tree.escaped = true;
    for (const [key, found] of this.#exact) {
      if (typeof found === 'number') {
        const shadow = tree.first(key, found, null);
        if (shadow < found) this.#exact.set(key, new ExactSlot([found], shadow));
      } else if (found instanceof ExactSlot) {
        found.shadow = tree.first(key, found.shadow, null);
      }
    }
  }

  /** The first rule's answer to a request, or `null`; never throws. */
  match(input: MatchInput): MatchResult | null {
    try {
      return this.#match(input);
    } catch {
      // Unreachable by design: a bad request must never crash the server.
      return null;
    }
  }

  #match(input: MatchInput): MatchResult | null {
    let url = input?.url;
    let path: string;
    let query = '';
    let urlHost: string | null = null;
    let found: number | ExactSlot | MatchResult | undefined;
    let key: string | null;
    let escaped: boolean | undefined;
    if (typeof url !== 'string' || url.charCodeAt(0) !== 47) {
      // An absolute URL (a string or a URL) is read from its origin-form, as servers hand over.
      const origin =
        typeof url === 'string'
          ? originForm(url)
          : url instanceof URL
            ? { target: url.pathname + url.search, host: url.host }
            : null;
      if (origin === null) return null;
      url = origin.target;
      urlHost = origin.host;
    }
    // A target equal to an exact key, byte for byte, is that key's path (keys hold no raw
    // "?" or "#", and are normalised).
    found = this.#exact.get(url);
    if (found !== undefined) {
      // The answer already given for this canonical target: returned without looking into
      // it, which keeps the hottest path to one hash lookup.
      if (typeof found === 'object' && !(found instanceof ExactSlot)) return found;
      path = url;
      key = url;
    } else {
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
      if (percent) key = requestPathKey(path, this.pathOptions);
      else {
        // requestPathKey without escapes, inlined: the hot path of pattern requests.
        escaped = false;
        key = path;
        if (!this.#strict && key.length > 1 && key.charCodeAt(key.length - 1) === 47) {
          key = key.slice(0, -1);
        }
        if (upper && !this.pathOptions.caseSensitive) key = key.toLowerCase();
      }
    }

    if (key === null) return null;
    if (found === undefined && key !== path) found = this.#exact.get(key);
    // An answer given before stands for its rule: this request may carry a query.
    if (typeof found === 'object' && !(found instanceof ExactSlot)) found = found.rule.index;
    // The key is the request's own path: its segments need no normalising for captures.
    const plain = key === path;
    if (typeof found === 'number') {
      // A rule alone on its path: remember its shared answer for this exact request target.
      const answer = this.#respond(found, path, query, plain);
      // Only for the canonical target: variants (case, trailing slash, escapes) are not kept.
      if (answer !== null && url === key && answer === this.#targets[found]) {
        // Keyed anew by the request's string: a rule's key may be a rope (a concatenated
        // string), slower to compare on every hit than the flat string a server hands over.
        this.#exact.delete(url);
        this.#exact.set(url, answer);
      }
      return answer;
    }

    const req = this.#conditions.size > 0 ? new RequestView(input, query, urlHost) : null;
    let best = Infinity;
    if (found !== undefined) {
      best = this.#picker.first(found.rules, best, req);
      if (best < found.shadow) return this.#respond(best, path, query, plain);
    }
    const tree = this.#tree;
    if (tree.size > 0) {
      tree.escaped = escaped ?? key.indexOf('%') !== -1;
      best = tree.first(key, best, req);
    }
    return best === Infinity ? null : this.#respond(best, path, query, plain);
  }

  #respond(index: number, path: string, query: string, plain: boolean): MatchResult | null {
    const target = this.#targets[index] ?? this.#destinations.compile(index);
    if (!(target instanceof ParamTarget)) {
      if (query === '' || (this.#flags[index]! & DROPS_QUERY) !== 0) return target;
      return this.#carryStatic(target, query, this.#destinations.templateOf(index, target.rule));
    }
    const carry = query !== '' && target.preserveQuery;
    let destination: string;
    const quick = plain ? fillPlain(target, path, this.#maxLength) : null;
    if (quick !== null) {
      if (quick === '') return null;
      destination = quick;
    } else {
      const segments =
        plain && path.indexOf('%') === -1
          ? splitPath(path, this.pathOptions)
          : requestSegments(path, this.pathOptions);
      if (segments === null) return null;
      destination = fill(target, segments, this.#maxLength);
      if (destination === '') return null;
    }
    let location: string;
    if (carry) {
      destination = mergeQuery(
        this.#destinations.templateOf(index, target.rule),
        destination,
        query,
      );
      location = encodeLocation(target.absolute ? destination : target.prefix + destination);
      // The carried query counts too: the whole Location stays within the limit.
      if (location.length > this.#maxLength) return null;
    } else {
      // Literal parts were encoded at compile time and values by encodeURIComponent.
      location = target.absolute ? destination : target.prefix + destination;
    }
    return answer(target.status, location, target.rule, target.cacheControl);
  }

  // A static rule's answer with the request's query carried to it.
  #carryStatic(
    result: MatchResult,
    query: string,
    template: DestinationTemplate | undefined,
  ): MatchResult | null {
    const to = result.rule.to;
    // A query that cannot fit is not merged (merging reads it all); a dropped key may shorten it.
    if (template === undefined && result.location.length + 1 + query.length > this.#maxLength) {
      return null;
    }
    const destination = mergeQuery(template, to, query);
    // A static `to` is a path ("/...") or an absolute URL.
    const location = encodeLocation(
      to.charCodeAt(0) === 47 ? this.#baseOrigin + destination : destination,
    );
    // The carried query counts too: the whole Location stays within the limit.
    if (location.length > this.#maxLength) return null;
    return answer(result.status, location, result.rule, result.headers['cache-control'] ?? null);
  }
}
