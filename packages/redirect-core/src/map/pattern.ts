/**
 * Path patterns of redirect rules (`from`), destination templates (`to`) and the one
 * normalisation of request paths that the matcher and the static analysis share.
 *
 * Semantics (the same everywhere in this package):
 * - A path is split on `/` first, then each segment is percent-decoded, so `/caf%C3%A9` and
 *   `/café` are the same path and `%2F` stays inside its segment. A malformed escape (`%zz`,
 *   `%E0%A4%A`, invalid UTF-8 such as `%C3%28`) makes the whole path unmatchable; it never throws.
 * - Case: segments are compared case-insensitively unless `caseSensitive` is set. Captured
 *   values keep the request's case.
 * - Trailing slash: with `trailingSlash: 'ignore'` (the default) one trailing `/` is dropped, so
 *   `/a` and `/a/` are the same path. With `'strict'` the trailing slash is a final empty segment.
 * - Empty segments inside a path (`/a//b`) are kept; a `:param` never matches an empty segment.
 * - `.` and `..` are ordinary segments: paths are not resolved.
 *
 * @packageDocumentation
 */

/** How request paths are compared with patterns. */
export interface PathOptions {
  /** Compare segments with their case. @default false */
  readonly caseSensitive?: boolean;
  /** `'ignore'`: `/a/` is `/a`. `'strict'`: they differ. @default 'ignore' */
  readonly trailingSlash?: 'ignore' | 'strict';
}

/** One segment of a parsed `from` pattern. */
export type PatternSegment =
  /** A literal segment, percent-decoded, in its authored case. */
  | { readonly kind: 'literal'; readonly value: string }
  /** `:name`: exactly one non-empty segment. */
  | { readonly kind: 'param'; readonly name: string }
  /** `*` (named `splat`) or `:name*`: the rest of the path, zero or more segments. Last only. */
  | { readonly kind: 'splat'; readonly name: string };

/** A parsed `from` pattern. */
export interface ParsedPattern {
  readonly source: string;
  readonly segments: readonly PatternSegment[];
  /** Names captured, in order (`splat` for a bare `*`). */
  readonly params: readonly string[];
  /** No param and no splat: the pattern names one path (matched by hash lookup). */
  readonly exact: boolean;
}

/** The result of parsing a pattern or a destination: the value, or why it is invalid. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/** Values captured by a pattern: one decoded segment per `:name`, a segment list per splat. */
export type Captures = Readonly<Record<string, string | readonly string[]>>;

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// C0 controls, DEL, and whitespace that never belongs in a path pattern or URL.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;
/** Control characters (C0, DEL, C1) that must never reach a Location. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const PREFIX = '@org/redirect-core';

function decodeSegment(raw: string): string | null {
  if (raw.indexOf('%') === -1) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Parses a `from` pattern: literal segments, `:name` for one segment, and a trailing `*` or
 * `:name*` for the rest of the path.
 *
 * @example
 * ```ts
 * parsePattern('/blog/:slug');
 * // { ok: true, value: { segments: [{ kind: 'literal', value: 'blog' }, { kind: 'param', name: 'slug' }], ... } }
 * parsePattern('blog'); // { ok: false, message: '... must start with "/" ...' }
 * ```
 */
export function parsePattern(from: string, options?: PathOptions): ParseResult<ParsedPattern> {
  const fail = (message: string): ParseResult<ParsedPattern> => ({ ok: false, message });
  if (typeof from !== 'string') return fail(`${PREFIX}: \`from\` must be a string path.`);
  if (!from.startsWith('/')) {
    return fail(`${PREFIX}: \`from\` must start with "/" (got ${JSON.stringify(from)}).`);
  }
  if (CONTROL_OR_SPACE.test(from)) {
    return fail(
      `${PREFIX}: \`from\` contains a space or control character; percent-encode it (a space is %20).`,
    );
  }
  if (/:[A-Za-z_][A-Za-z0-9_]*[?+](?:\/|$)/.test(from)) {
    return fail(
      `${PREFIX}: \`from\`: optional and repeated params (":name?", ":name+") are not supported; write one rule per form, or end the pattern with ":name*".`,
    );
  }
  if (from.includes('?') || from.includes('#')) {
    return fail(
      `${PREFIX}: \`from\` must be a path without "?" or "#"; match query parameters with the \`query\` condition.`,
    );
  }
  const strict = options?.trailingSlash === 'strict';
  const raw = splitRaw(from, strict);
  const segments: PatternSegment[] = [];
  const params: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const seg = raw[i]!;
    const last = i === raw.length - 1;
    if (seg === '' && !(strict && last)) {
      return fail(`${PREFIX}: \`from\` has an empty segment ("//"); remove the extra "/".`);
    }
    if (seg === '*' || (seg.startsWith(':') && seg.endsWith('*'))) {
      const name = seg === '*' ? 'splat' : seg.slice(1, -1);
      if (!last) {
        return fail(
          `${PREFIX}: "${seg}" in \`from\` must be the last segment (it matches the rest of the path).`,
        );
      }
      if (!PARAM_NAME.test(name)) return fail(badName(seg));
      if (params.includes(name)) return fail(duplicate(name));
      params.push(name);
      segments.push({ kind: 'splat', name });
      continue;
    }
    if (seg.startsWith(':')) {
      const name = seg.slice(1);
      if (name.endsWith('?') || name.endsWith('+')) {
        return fail(
          `${PREFIX}: "${seg}" in \`from\`: optional and repeated params are not supported; write one rule per form, or end the pattern with ":name*".`,
        );
      }
      if (!PARAM_NAME.test(name)) return fail(badName(seg));
      if (params.includes(name)) return fail(duplicate(name));
      params.push(name);
      segments.push({ kind: 'param', name });
      continue;
    }
    if (seg.includes('*')) {
      return fail(
        `${PREFIX}: "*" may only be a whole last segment of \`from\`; write a literal "*" as %2A.`,
      );
    }
    const value = decodeSegment(seg);
    if (value === null) {
      return fail(
        `${PREFIX}: \`from\` segment "${seg}" has malformed percent-encoding; write "%" as %25.`,
      );
    }
    segments.push({ kind: 'literal', value });
  }
  return {
    ok: true,
    value: { source: from, segments, params, exact: params.length === 0 },
  };
}

function badName(seg: string): string {
  return `${PREFIX}: "${seg}" in \`from\` is not a valid param; use ":name" or ":name*" with letters, digits and "_", not starting with a digit.`;
}

function duplicate(name: string): string {
  return `${PREFIX}: param ":${name}" appears twice in \`from\`; give each param its own name.`;
}

// Segments of a path starting with "/", before decoding. "/" alone has none. Split by hand:
// faster than String#split on the hot path.
function splitRaw(path: string, strict: boolean): string[] {
  let end = path.length;
  if (!strict && end > 1 && path.charCodeAt(end - 1) === 47 /* / */) end--;
  const out: string[] = [];
  if (end === 1) return out;
  let at = 1;
  for (;;) {
    const slash = path.indexOf('/', at);
    if (slash === -1 || slash >= end) {
      out.push(path.slice(at, end));
      return out;
    }
    out.push(path.slice(at, slash));
    at = slash + 1;
  }
}

/**
 * The raw segments of a path starting with `/`, not decoded: `requestSegments` for a path
 * without `%`.
 */
export function splitPath(path: string, options?: PathOptions): string[] {
  return splitRaw(path, options?.trailingSlash === 'strict');
}

/**
 * The decoded segments of a request path (the part before `?`), per the package's path
 * semantics; `null` when the path cannot match anything (it does not start with `/`, or has a
 * malformed percent-escape). Never throws.
 *
 * @example
 * ```ts
 * requestSegments('/caf%C3%A9/'); // ['café']
 * requestSegments('/%zz'); // null
 * ```
 */
export function requestSegments(path: string, options?: PathOptions): string[] | null {
  if (path.charCodeAt(0) !== 47) return null;
  const raw = splitRaw(path, options?.trailingSlash === 'strict');
  if (path.indexOf('%') === -1) return raw;
  for (let i = 0; i < raw.length; i++) {
    const value = decodeSegment(raw[i]!);
    if (value === null) return null;
    raw[i] = value;
  }
  return raw;
}

/** A decoded segment as compared: lower-cased unless `caseSensitive`. */
export function foldSegment(segment: string, options?: PathOptions): string {
  return options?.caseSensitive ? segment : segment.toLowerCase();
}

// Escaped in keys, so a key never holds a raw "?" or "#" and decodes back unambiguously.
const KEY_ESCAPE = /[%/?#]/;
const KEY_ESCAPES = /[%/?#]/g;
const escapeKeyChar = (c: string): string =>
  c === '%' ? '%25' : c === '/' ? '%2F' : c === '?' ? '%3F' : '%23';

/**
 * The one string that stands for a list of decoded segments: what exact rules are keyed on.
 * Segments are joined with `/`; a `%`, `/`, `?` or `#` inside a segment is escaped, so keys
 * never collide and a request path that equals a key (byte for byte) is that key's path.
 * Case is folded unless `caseSensitive`.
 *
 * @example
 * ```ts
 * pathKey(['Caf%C3%A9'.toLowerCase()]); // '/caf%25c3%25a9'
 * pathKey(['a/b']); // '/a%2Fb' (not the path /a/b)
 * ```
 */
export function pathKey(segments: readonly string[], options?: PathOptions): string {
  let key = '';
  for (const segment of segments) {
    key += `/${KEY_ESCAPE.test(segment) ? segment.replace(KEY_ESCAPES, escapeKeyChar) : segment}`;
  }
  if (key === '') key = '/';
  return options?.caseSensitive ? key : key.toLowerCase();
}

/**
 * The {@link pathKey} of a request path, or `null` when it cannot match. Fast for the common
 * case: a path with no `%` is its own key (less a trailing slash, case folded).
 */
export function requestPathKey(path: string, options?: PathOptions): string | null {
  if (path.charCodeAt(0) !== 47) return null;
  if (path.indexOf('%') === -1) {
    let key = path;
    if (
      options?.trailingSlash !== 'strict' &&
      key.length > 1 &&
      key.charCodeAt(key.length - 1) === 47
    ) {
      key = key.slice(0, -1);
    }
    return options?.caseSensitive ? key : key.toLowerCase();
  }
  const segments = requestSegments(path, options);
  return segments === null ? null : pathKey(segments, options);
}

/** The key of an exact pattern (no params): equal to the {@link requestPathKey} of its paths. */
export function patternKey(pattern: ParsedPattern, options?: PathOptions): string {
  return pathKey(
    pattern.segments.map((s) => (s.kind === 'literal' ? s.value : `:${s.name}`)),
    options,
  );
}

/**
 * Matches decoded request segments against one pattern, the straightforward way: the captures,
 * or `null`. The matcher's compiled tree gives the same answers faster.
 *
 * @example
 * ```ts
 * const p = parsePattern('/docs/:v/*');
 * if (p.ok) matchSegments(p.value, ['docs', 'v2', 'a', 'b']); // { v: 'v2', splat: ['a', 'b'] }
 * ```
 */
export function matchSegments(
  pattern: ParsedPattern,
  segments: readonly string[],
  options?: PathOptions,
): Record<string, string | readonly string[]> | null {
  const captures: Record<string, string | readonly string[]> = {};
  const pats = pattern.segments;
  for (let i = 0; i < pats.length; i++) {
    const p = pats[i]!;
    if (p.kind === 'splat') {
      captures[p.name] = segments.slice(i);
      return captures;
    }
    const seg = segments[i];
    if (seg === undefined) return null;
    if (p.kind === 'param') {
      if (seg === '') return null;
      captures[p.name] = seg;
    } else if (foldSegment(p.value, options) !== foldSegment(seg, options)) {
      return null;
    }
  }
  return segments.length === pats.length ? captures : null;
}

/** A part of a destination template: literal text, or a param with where it goes. */
export type TemplatePart =
  | string
  | { readonly param: string; readonly where: 'path' | 'query' | 'fragment' };

/** A parsed `to`: literal text and params, compiled once and shared by rules with the same `to`. */
export interface DestinationTemplate {
  readonly source: string;
  /** `to` has a scheme (`https://...`): it may point to another origin. */
  readonly absolute: boolean;
  readonly parts: readonly TemplatePart[];
  /** Names used, in order of first use. */
  readonly params: readonly string[];
  /** Whether `to` has a `?query` and a `#fragment`. */
  readonly hasQuery: boolean;
  readonly hasFragment: boolean;
  /** Decoded keys of the query in `to` (they win over request parameters of the same name). */
  readonly queryKeys: readonly string[];
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const TOKEN = /:([A-Za-z_][A-Za-z0-9_]*)\*?/g;

/**
 * Parses a destination: a path starting with `/` or an absolute URL. `:name` (and `:name*`,
 * the same thing written the Next.js way) is substituted when it follows a character other
 * than a letter or digit (so `/wiki/Special:Search` is literal); params may appear in the path, query
 * or fragment but not in the scheme or host, so a substitution never changes the origin.
 *
 * @example
 * ```ts
 * parseDestination('/articles/:slug?ref=old').ok; // true
 * parseDestination('https://:sub.example.com/').ok; // false: param in the host
 * ```
 */
export function parseDestination(to: string): ParseResult<DestinationTemplate> {
  const fail = (message: string): ParseResult<DestinationTemplate> => ({ ok: false, message });
  if (typeof to !== 'string' || to === '') {
    return fail(`${PREFIX}: \`to\` must be a non-empty path or absolute URL.`);
  }
  if (CONTROL.test(to)) {
    return fail(
      `${PREFIX}: \`to\` contains a control character (CR, LF, TAB, NUL...); remove it or percent-encode it.`,
    );
  }
  if (/\s/.test(to)) {
    return fail(`${PREFIX}: \`to\` contains whitespace; percent-encode it (a space is %20).`);
  }
  if (to.includes('\\')) {
    return fail(`${PREFIX}: \`to\` contains "\\"; use "/" or percent-encode it as %5C.`);
  }
  const scheme = SCHEME.exec(to);
  let start = 0;
  if (scheme) {
    const rest = to.slice(scheme[0].length);
    if (!/^https?:$/i.test(scheme[0]) || !rest.startsWith('//') || rest.length === 2) {
      return fail(
        `${PREFIX}: \`to\` must be a path starting with "/" or an absolute http(s) URL such as "https://example.com/path".`,
      );
    }
    const authorityEnd = indexOfAny(to, scheme[0].length + 2, '/?#');
    const authority = to.slice(scheme[0].length + 2, authorityEnd);
    if (authority.includes(':') && /:[A-Za-z_]/.test(authority)) {
      return fail(
        `${PREFIX}: params may not appear in the scheme or host of \`to\`; put them in the path or query.`,
      );
    }
    if (authority === '' || authority.includes('@')) {
      return fail(`${PREFIX}: \`to\` must name a host, without user or password.`);
    }
    start = authorityEnd;
  } else if (!to.startsWith('/') || to.startsWith('//')) {
    return fail(
      `${PREFIX}: \`to\` must start with one "/" (a path on this site) or be an absolute http(s) URL; "//host" and relative paths are ambiguous.`,
    );
  }
  const queryAt = to.indexOf('?', start);
  const fragmentAt = to.indexOf('#', start);
  const parts: TemplatePart[] = [];
  const params: string[] = [];
  let last = 0;
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(to); m !== null; m = TOKEN.exec(to)) {
    const name = m[1]!;
    const at = m.index;
    // `Special:Search` is literal text: a param starts after a delimiter, not inside a word.
    if (at > 0 && /[A-Za-z0-9]/.test(to[at - 1]!)) continue;
    const where =
      fragmentAt !== -1 && at > fragmentAt
        ? 'fragment'
        : queryAt !== -1 && at > queryAt && (fragmentAt === -1 || at < fragmentAt)
          ? 'query'
          : 'path';
    if (at > last) parts.push(to.slice(last, at));
    parts.push({ param: name, where });
    if (!params.includes(name)) params.push(name);
    last = at + m[0].length;
  }
  if (last < to.length) parts.push(to.slice(last));
  const queryKeys: string[] = [];
  if (queryAt !== -1 && (fragmentAt === -1 || queryAt < fragmentAt)) {
    const query = to.slice(queryAt + 1, fragmentAt === -1 ? to.length : fragmentAt);
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      queryKeys.push(decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq)));
    }
  }
  return {
    ok: true,
    value: {
      source: to,
      absolute: scheme !== null,
      parts,
      params,
      hasQuery: queryAt !== -1 && (fragmentAt === -1 || queryAt < fragmentAt),
      hasFragment: fragmentAt !== -1,
      queryKeys,
    },
  };
}

function indexOfAny(s: string, from: number, chars: string): number {
  for (let i = from; i < s.length; i++) if (chars.includes(s[i]!)) return i;
  return s.length;
}

/**
 * A query component decoded as `application/x-www-form-urlencoded` (`+` is a space); a
 * malformed escape leaves the text as it is. Never throws.
 */
export function decodeQueryComponent(s: string): string {
  const plus = s.indexOf('+') === -1 ? s : s.replaceAll('+', ' ');
  if (plus.indexOf('%') === -1) return plus;
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/**
 * Fills a destination template with captured values. Every value is percent-encoded for where
 * it goes (a `/`, `\`, `?`, `#`, control or non-ASCII character in a value is escaped), and a
 * splat's segments are joined with `/`. A param missing from `captures` becomes empty.
 *
 * The result may still start with `//` (a splat whose first segment is empty): check it with
 * the open-redirect guard before sending it.
 *
 * @example
 * ```ts
 * const t = parseDestination('/articles/:slug');
 * if (t.ok) substitute(t.value, { slug: 'café/x' }); // '/articles/caf%C3%A9%2Fx'
 * ```
 */
export function substitute(template: DestinationTemplate, captures: Captures): string {
  let out = '';
  for (const part of template.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = captures[part.param];
    if (value === undefined) continue;
    if (typeof value === 'string') out += encodeValue(value);
    else {
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out += '/';
        out += encodeValue(value[i]!);
      }
    }
  }
  return out;
}

/**
 * `encodeURIComponent`, except that a lone surrogate (possible in a path given as a JS string)
 * becomes U+FFFD instead of throwing.
 */
export function encodeValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(
      value.replace(/[\uD800-\uDFFF]/g, (c, i: number) => {
        const code = c.charCodeAt(0);
        const next = value.charCodeAt(i + 1);
        const prev = value.charCodeAt(i - 1);
        const paired =
          (code < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) ||
          (code >= 0xdc00 && prev >= 0xd800 && prev < 0xdc00);
        return paired ? c : '\uFFFD';
      }),
    );
  }
}
