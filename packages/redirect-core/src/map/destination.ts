import { encodeLocation } from '../guard/encode-location';
import { createRedirectGuard, type RedirectGuard } from '../guard/guard';
import type { RedirectStatus } from '../status/status';
import { cacheControlFor } from './cache';
import { DROPS_QUERY, MERGES } from './flags';
import {
  type DestinationTemplate,
  encodeValue,
  type PathOptions,
  parseDestination,
  parsePattern,
  substitute,
} from './pattern';
import { ruleStatus } from './rule-status';
import type { CachePolicy, MatchResult, RedirectRule } from './types';

const SAME_SITE_BASE = 'https://same-site.invalid';
const ORIGIN = /^https?:\/\/[^/?#]+/i;

/**
 * What a rule with params in `to` answers with, compiled on its first match and kept. A rule
 * with a static `to` keeps only its frozen answer (a `MatchResult`): at 100k rules every field
 * here costs 800 KB, so this holds only what substitution needs.
 */
export class ParamTarget {
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
export type Target = MatchResult | ParamTarget;

/**
 * The destinations of a map's rules, each compiled on its rule's first match: a static `to`
 * into its shared, frozen answer, a `to` with params into a {@link ParamTarget}.
 */
export class Destinations {
  readonly targets: (Target | undefined)[];
  /** Templates of destinations with a query or fragment, by `to`: merging a query needs them. */
  readonly templates = new Map<string, DestinationTemplate>();
  readonly #guards = new Map<string, RedirectGuard>();

  constructor(
    readonly rules: readonly RedirectRule[],
    /** DROPS_QUERY and MERGES are set here, on compiling. */
    readonly flags: Uint8Array,
    readonly path: PathOptions,
    /** The origin of `options.base`, or ''. */
    readonly baseOrigin: string,
    readonly cache: CachePolicy | undefined,
    /** The longest Location an answer may have (`maxLocationLength`). */
    readonly maxLength: number,
  ) {
    this.targets = new Array<Target | undefined>(rules.length).fill(undefined);
  }

  /** The template of a rule whose `to` has a query or fragment, for merging the request's query. */
  templateOf(index: number, rule: MatchResult['rule']): DestinationTemplate | undefined {
    return (this.flags[index]! & MERGES) === 0 ? undefined : this.templates.get(rule.to);
  }

  compile(index: number): Target {
    const rule = this.rules[index]!;
    const parsed = parseDestination(rule.to);
    if (!parsed.ok) throw new TypeError(parsed.message);
    const template = parsed.value;
    if (template.hasQuery || template.hasFragment) {
      this.templates.set(rule.to, template);
      this.flags[index]! |= MERGES;
    }
    const status = ruleStatus(rule);
    const cacheControl = cacheControlFor(status, this.cache);
    const ruleRef = Object.freeze({ index, from: rule.from, to: rule.to });
    const prefix = template.absolute ? '' : this.baseOrigin;
    let target: Target;
    if (template.params.length > 0) {
      const pattern = parsePattern(rule.from, this.path);
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
      if (rule.preserveQuery === false) this.flags[index]! |= DROPS_QUERY;
      const location = encodeLocation(template.absolute ? rule.to : prefix + rule.to);
      target = answer(status, location, ruleRef, cacheControl);
      Object.freeze(target);
      Object.freeze(target.headers);
    }
    this.targets[index] = target;
    return target;
  }

  #guardFor(template: DestinationTemplate): RedirectGuard {
    const authored = template.absolute ? ORIGIN.exec(template.source) : null;
    const base = authored ? new URL(authored[0]).origin : this.baseOrigin || SAME_SITE_BASE;
    let guard = this.#guards.get(base);
    if (guard === undefined) {
      guard = createRedirectGuard({ base, maxLength: this.maxLength });
      this.#guards.set(base, guard);
    }
    return guard;
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
// '' means "too long": the Location would exceed `maxLength`.
export function fillPlain(target: ParamTarget, path: string, maxLength: number): string | null {
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
    if (target.prefix.length + out.length > maxLength) return '';
  }
  return out;
}

// Whether a decoded segment is a dot segment ("." or ".."): substituted, it would climb the
// destination's path once a client or proxy resolves it (`/public/%2e%2e/private`).
function isDotSegment(value: string): boolean {
  return value === '.' || value === '..';
}

/**
 * The destination with the request's (decoded) segments substituted, or '' when it is refused:
 * a value is a dot segment, the guard rejects the result, or it grows past `maxLength` (checked
 * after each value, so a `to` that repeats a long value stops early).
 */
export function fill(target: ParamTarget, segments: readonly string[], maxLength: number): string {
  inert = true;
  const room = maxLength - target.prefix.length;
  let out = '';
  for (const part of target.parts) {
    if (typeof part === 'string') out += part;
    else if (part === target.splatAt) {
      if (part >= segments.length) inert = false;
      for (let i = part; i < segments.length; i++) {
        if (isDotSegment(segments[i]!)) return '';
        if (i > part) out += '/';
        out += encodeCaptured(segments[i]!);
        if (out.length > room) return '';
      }
    } else if (part >= 0) {
      const value = segments[part] ?? '';
      if (isDotSegment(value)) return '';
      out += encodeCaptured(value);
    }
    if (out.length > room) return '';
  }
  if (target.inertSafe && inert) return out;
  return target.guard(target.absolute ? out : target.prefix + out).ok ? out : '';
}

/**
 * At most this many values substituted into one `to`: each can be as long as the request's
 * path, so a `to` repeating `:splat` a thousand times would build megabytes per request before
 * any length check.
 */
export const MAX_SUBSTITUTIONS = 32;

// Param references in a `to` (as `parseDestination` reads them).
const REFERENCE = /:[A-Za-z_][A-Za-z0-9_]*\*?/g;

/**
 * Why `to` can never answer within `maxLength` characters, or `null` when it can: its text
 * (after `prefix`, the base's origin for a path) with each param as one character is too long,
 * or it substitutes more than {@link MAX_SUBSTITUTIONS} values.
 */
export function locationLimitProblem(to: string, prefix: string, maxLength: number): string | null {
  // A reference takes two characters or more, so a short `to` that fits needs no counting.
  if (to.length <= 2 * MAX_SUBSTITUTIONS && prefix.length + to.length <= maxLength) return null;
  // A scheme's "://" and a port's digits are no references.
  const references = to.match(REFERENCE) ?? [];
  if (references.length > MAX_SUBSTITUTIONS) {
    return `\`to\` substitutes ${references.length} values; at most ${MAX_SUBSTITUTIONS}: each value can be as long as the request's path, so the Location could exceed maxLocationLength (${maxLength}) many times over. Name each param once or a few times.`;
  }
  let shortest = (to.charCodeAt(0) === 47 ? prefix.length : 0) + to.length;
  for (const reference of references)
    shortest -= reference.length - (reference.endsWith('*') ? 0 : 1);
  if (shortest > maxLength) {
    return `\`to\` makes a Location of at least ${shortest} characters${to.charCodeAt(0) === 47 && prefix !== '' ? ' with the base' : ''}, longer than maxLocationLength (${maxLength}); shorten it, or raise maxLocationLength.`;
  }
  return null;
}

/** A match result; `headers` holds `location` and, when set, `cache-control`. */
export function answer(
  status: RedirectStatus,
  location: string,
  rule: MatchResult['rule'],
  cacheControl: string | null,
): MatchResult {
  return {
    kind: 'redirect',
    status,
    location,
    rule,
    headers: cacheControl === null ? { location } : { location, 'cache-control': cacheControl },
  };
}
