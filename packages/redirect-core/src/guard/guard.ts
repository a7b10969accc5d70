import type { SourceId } from '../status/sources';
import { shapeGuardOptions } from './check-options';

/**
 * Every reason {@link safeRedirectTarget} can refuse a target, with the sentence it logs.
 * The {@link GuardRejection} type is derived from this table, so a new check needs a row here.
 */
export const guardRejections = {
  'not-a-string': 'The target is not a string.',
  empty: 'The target is empty.',
  'too-long': 'The target is longer than the configured maxLength.',
  'malformed-unicode': 'The target holds a lone UTF-16 surrogate (invalid Unicode).',
  'control-character':
    'The target holds a control character (C0, DEL or C1), raw or percent-encoded.',
  whitespace: 'The target starts or ends with whitespace, raw or percent-encoded.',
  'invisible-character': 'The target holds an invisible format character (zero-width, bidi, BOM).',
  'unicode-slash': 'The target holds a Unicode character that looks like or normalises to / or \\.',
  'malformed-encoding':
    'The target holds a bad percent escape, escaped bytes that are not UTF-8, or encoding nested too deep.',
  'encoded-slash':
    'The path holds a percent-encoded / or \\ (%2F, %5C), possibly encoded more than once.',
  backslash: 'The target holds a backslash, which URL parsers read as /.',
  'protocol-relative':
    'The target (or its normalised path) starts with // or /\\, which names another host.',
  'scheme-relative':
    'The target names a scheme without // (https:evil.test), whose meaning depends on the base.',
  scheme: 'The target uses a scheme other than http or https.',
  unparsable: 'The WHATWG URL parser rejects the target.',
  credentials: 'The target carries a username or password (userinfo @).',
  origin: 'The target leaves the allowed origins.',
  'not-a-path': 'The destination is not an origin-relative path starting with a single /.',
  'invalid-options': 'The guard options are invalid (base, allowedOrigins or maxLength).',
} as const satisfies Record<string, string>;

/** Why {@link safeRedirectTarget} refused a target: a key of {@link guardRejections}. */
export type GuardRejection = keyof typeof guardRejections;

/** Options of {@link safeRedirectTarget} and {@link createRedirectGuard}. */
export interface SafeTargetOptions {
  /**
   * The absolute http(s) URL relative targets resolve against. It comes from configuration,
   * never from the request's Host header.
   */
  readonly base: string | URL;
  /**
   * Origins (`scheme://host[:port]`) a target may land on, compared exactly after the URL
   * parser normalised them (punycode hosts, default ports dropped, IPv4 forms canonical).
   * When given it replaces the default, so list the base's origin too if paths should pass.
   * @default [origin of base]
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * The longest target accepted, in UTF-16 code units, before any parsing.
   * @default 2048
   */
  readonly maxLength?: number;
}

/** The answer of {@link safeRedirectTarget}: the normalised href, or why the target was refused. */
export type SafeTargetResult =
  | {
      readonly ok: true /** The normalised absolute href (never the raw input). */;
      readonly url: string;
    }
  | { readonly ok: false; readonly reason: string; readonly code: GuardRejection };

/** Documents the guard's rules rest on. */
export const guardSources = [
  'owasp-unvalidated-redirects',
  'whatwg-url',
] as const satisfies readonly SourceId[];

/** The default of {@link SafeTargetOptions.maxLength}. */
export const DEFAULT_MAX_TARGET_LENGTH = 2048;

/** A compiled guard: validated options, ready to judge many targets. */
export type RedirectGuard = (input: unknown) => SafeTargetResult;

/**
 * Thrown by {@link createRedirectGuard} when its options are wrong: a configuration error,
 * raised once at start-up, never for a request.
 */
export class RedirectGuardOptionsError extends Error {
  override readonly name = 'RedirectGuardOptionsError';
  readonly code = 'invalid-options' as const;
  /** The offending option: `base`, `allowedOrigins[2]`, `maxLength`... */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`@org/redirect-core: guard option \`${field}\` ${message}`);
    this.field = field;
  }
}

interface CompiledOptions {
  readonly base: URL;
  readonly origins: ReadonlySet<string>;
  readonly maxLength: number;
}

type Compiled =
  | { ok: true; options: CompiledOptions }
  | { ok: false; field: string; message: string };

function parseHttpUrl(value: string | URL): URL | string {
  let url: URL;
  try {
    url = new URL(typeof value === 'string' ? value : value.href);
  } catch {
    return 'must be an absolute URL (https://example.com)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.username !== '' || url.password !== '') return 'must not carry a username or password';
  return url;
}

function compileOptions(options: unknown): Compiled {
  const shaped = shapeGuardOptions(options);
  if ('field' in shaped) {
    return { ok: false, field: shaped.field, message: `is invalid: ${shaped.message}` };
  }
  const base = parseHttpUrl(shaped.base);
  if (typeof base === 'string') return { ok: false, field: 'base', message: base };
  const origins = new Set<string>();
  const listed = shaped.allowedOrigins;
  if (listed === undefined) origins.add(base.origin);
  else {
    if (listed.length === 0) {
      return {
        ok: false,
        field: 'allowedOrigins',
        message: "is empty: list at least one origin, or leave it out to allow the base's origin",
      };
    }
    for (const [index, entry] of listed.entries()) {
      const field = `allowedOrigins[${index}]`;
      const url = parseHttpUrl(entry);
      if (typeof url === 'string') return { ok: false, field, message: url };
      if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
        return {
          ok: false,
          field,
          message: `must be an origin only (${url.origin}), without path, query or fragment`,
        };
      }
      origins.add(url.origin);
    }
  }
  return {
    ok: true,
    options: { base, origins, maxLength: shaped.maxLength ?? DEFAULT_MAX_TARGET_LENGTH },
  };
}

type Rejected = Extract<SafeTargetResult, { ok: false }>;

function reject(code: GuardRejection, detail?: string): Rejected {
  const reason =
    detail === undefined ? guardRejections[code] : `${guardRejections[code]} ${detail}`;
  return { ok: false, code, reason };
}

// C0 controls, DEL and C1 controls. Tab, CR and LF are among them: the URL parser deletes
// them silently, so `java\tscript:` and `/\t/evil.test` would change meaning after the check.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EDGE_WHITESPACE = /^\s|\s$/;
// Format characters (zero-width, bidi overrides, BOM, soft hyphen) hide or reorder what a log
// or a reviewer sees. The zero-width joiner and tag characters are let through: emoji
// sequences (families, flags) in paths need them, and they cannot move text.
const INVISIBLE = /(?![\u200d\u{e0020}-\u{e007f}])\p{Cf}/u;
const NON_ASCII = /[^\u0000-\u007f]/;
// Slash look-alikes that Unicode normalisation does not map to / or \ (those it maps are found
// by NFKC below): fraction slash, division slash, set minus, big solidi, box diagonals.
const SLASH_LOOKALIKES = new Set([
  '\u2044',
  '\u2215',
  '\u2216',
  '\u29f8',
  '\u29f9',
  '\u2571',
  '\u2572',
  '\u27cb',
  '\u27cd',
  '\u1735',
]);
// Kana iteration and length marks some browsers once read as a slash (`〱google.com`). They are
// common inside Japanese words, which none starts with, so they are refused only at the start.
const LEADING_SLASH_LOOKALIKE = /^\/?[\u3031-\u3035\u309d\u309e\u30fc-\u30fe\uff70]/;
const BAD_ESCAPE = /%(?![0-9a-fA-F]{2})/;
const ESCAPE = /%[0-9a-fA-F]{2}/;
const ENCODED_SLASH = /%(?:2f|5c)/i;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// Layers of percent-encoding peeled before giving up: enough for any honest double or triple
// encoding, few enough that a crafted `%25252525...` costs little.
const MAX_DECODE_LAYERS = 8;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

function pushUtf8(bytes: number[], cp: number): void {
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else
    bytes.push(
      0xf0 | (cp >> 18),
      0x80 | ((cp >> 12) & 63),
      0x80 | ((cp >> 6) & 63),
      0x80 | (cp & 63),
    );
}

/** One layer of percent-decoding (valid escapes only); `null` when the bytes are not UTF-8. */
function decodeLayer(text: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = hexValue(text.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
        continue;
      }
    }
    const cp = text.codePointAt(i) ?? 0xfffd;
    if (cp > 0xffff) i++;
    pushUtf8(bytes, cp);
  }
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** The input and each percent-decoding of it, outermost first; `null` for bad encoding. */
function decodingLayers(text: string): string[] | null {
  const layers = [text];
  let current = text;
  while (ESCAPE.test(current)) {
    if (layers.length > MAX_DECODE_LAYERS) return null;
    const next = decodeLayer(current);
    if (next === null) return null;
    layers.push(next);
    current = next;
  }
  return layers;
}

function hasUnicodeSlash(text: string): boolean {
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue;
    if (SLASH_LOOKALIKES.has(char)) return true;
    const folded = char.normalize('NFKC');
    if (folded !== char && (folded.includes('/') || folded.includes('\\'))) return true;
  }
  return false;
}

/** Character rules applied to the raw input and to each of its decodings. */
function checkCharacters(text: string, encoded: boolean): SafeTargetResult | null {
  const how = encoded ? '(percent-encoded)' : undefined;
  if (CONTROL.test(text)) return reject('control-character', how);
  if (EDGE_WHITESPACE.test(text)) return reject('whitespace', how);
  if (!NON_ASCII.test(text)) return null;
  if (INVISIBLE.test(text)) return reject('invisible-character', how);
  if (hasUnicodeSlash(text) || LEADING_SLASH_LOOKALIKE.test(text))
    return reject('unicode-slash', how);
  return null;
}

function checkRaw(input: string): SafeTargetResult | null {
  if (NON_ASCII.test(input) && LONE_SURROGATE.test(input)) return reject('malformed-unicode');
  const chars = checkCharacters(input, false);
  if (chars) return chars;
  if (/^[/\\]{2}/.test(input)) return reject('protocol-relative');
  if (input.includes('\\')) return reject('backslash');
  const scheme = SCHEME.exec(input);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    if (name !== 'http' && name !== 'https') return reject('scheme', `(${name}:)`);
    const rest = input.slice(scheme[0].length);
    // Exactly two slashes then a host; `https:evil.test`, `https:/x` and `https:///x` are
    // read differently depending on the base, so they never pass.
    if (!/^\/\/[^/]/.test(rest)) return reject('scheme-relative');
    const authority = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
    if (authority.includes('@')) return reject('credentials');
  }
  if (BAD_ESCAPE.test(input))
    return reject('malformed-encoding', '(a % not followed by two hex digits)');
  const layers = decodingLayers(input);
  if (layers === null) return reject('malformed-encoding');
  for (const layer of layers.slice(1)) {
    const found = checkCharacters(layer, true);
    if (found) return found;
  }
  // Scheme, authority and path: everything before the query or fragment. An encoded slash
  // there is one decode away from a new path segment or a `//host`.
  const head = input.split(/[?#]/, 1)[0] ?? '';
  for (const layer of decodingLayers(head) ?? [head]) {
    if (ENCODED_SLASH.test(layer)) return reject('encoded-slash');
  }
  return null;
}

function judge(input: unknown, options: CompiledOptions): SafeTargetResult {
  if (typeof input !== 'string')
    return reject('not-a-string', `(got ${input === null ? 'null' : typeof input})`);
  if (input.length === 0) return reject('empty');
  if (input.length > options.maxLength) {
    return reject('too-long', `(${input.length} > ${options.maxLength})`);
  }
  const raw = checkRaw(input);
  if (raw) return raw;
  let url: URL;
  try {
    url = new URL(input, options.base);
  } catch {
    return reject('unparsable');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return reject('scheme', `(${url.protocol})`);
  if (url.username !== '' || url.password !== '') return reject('credentials');
  if (!options.origins.has(url.origin)) return reject('origin', `(${url.origin})`);
  // `/.//evil.test`, `..//evil.test` and `/%2e//evil.test` all normalise to a path starting
  // with `//`: harmless as an absolute URL, a different host once anything emits the path alone.
  if (url.pathname.startsWith('//')) return reject('protocol-relative', '(normalised path)');
  return { ok: true, url: url.href };
}

/**
 * Compiles guard options once (validating them) and returns a function that judges
 * targets with them: the form to use on a hot path.
 *
 * @throws {RedirectGuardOptionsError} when `base` is not an absolute http(s) URL, an entry of
 *   `allowedOrigins` is not a bare http(s) origin, or `maxLength` is not a positive integer.
 * @example
 * ```ts
 * const guard = createRedirectGuard({ base: 'https://shop.example' });
 * guard('/cart?x=1'); // { ok: true, url: 'https://shop.example/cart?x=1' }
 * guard('//evil.test'); // { ok: false, code: 'protocol-relative', reason: '...' }
 * ```
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html
 */
export function createRedirectGuard(options: SafeTargetOptions): RedirectGuard {
  const compiled = compileOptions(options);
  if (!compiled.ok) throw new RedirectGuardOptionsError(compiled.field, compiled.message);
  const ready = compiled.options;
  return (input) => {
    try {
      return judge(input, ready);
    } catch {
      // Unreachable by design; a guard must still answer rather than crash a request.
      return reject('unparsable');
    }
  };
}

/**
 * Decides whether `input` (a `?next=` value, a Referer, a substituted destination) is a safe
 * redirect target, and returns its normalised absolute href when it is. Never throws: a
 * non-string input or invalid options give `{ ok: false }` with a code and a reason.
 *
 * Checks, in order: length; lone surrogates; control characters, edge whitespace, invisible
 * and slash-like Unicode characters, raw and in every percent-decoding; `//` and `/\` starts;
 * backslashes; bad or non-UTF-8 escapes; encoded `/` or `\` before the query; schemes other
 * than http(s) and `https:` without `//`; userinfo. Then the WHATWG URL parser resolves the
 * target against `base`, and the parsed URL must be http(s), carry no credentials, land on an
 * allowed origin (exact match) and not have a path starting with `//`.
 *
 * @example
 * ```ts
 * safeRedirectTarget('/account', { base: 'https://example.com' });
 * // { ok: true, url: 'https://example.com/account' }
 * safeRedirectTarget('/\t/evil.test', { base: 'https://example.com' });
 * // { ok: false, code: 'control-character', reason: '...' }
 * ```
 * @see {@link createRedirectGuard} to validate the options once.
 * @see https://url.spec.whatwg.org/#concept-basic-url-parser
 */
export function safeRedirectTarget(input: unknown, options: SafeTargetOptions): SafeTargetResult {
  try {
    const compiled = compileOptions(options);
    if (!compiled.ok) {
      return reject('invalid-options', `(\`${compiled.field}\` ${compiled.message})`);
    }
    return judge(input, compiled.options);
  } catch {
    return reject('unparsable');
  }
}

// A fixed internal origin for judging paths on their own; `.invalid` never resolves (RFC 2606).
const SAME_SITE_BASE = 'https://same-site.invalid';
let sameSiteGuard: RedirectGuard | undefined;

/** The answer of {@link sameSitePath}. */
export type SameSitePathResult =
  | { readonly ok: true /** Normalised path, query and fragment. */; readonly path: string }
  | { readonly ok: false; readonly reason: string; readonly code: GuardRejection };

/**
 * Judges an origin-relative destination (after `:param` substitution, say) on its own: it must
 * start with a single `/` and pass every check of {@link safeRedirectTarget} while staying on
 * the same origin. Returns the normalised path, query and fragment.
 *
 * @example
 * ```ts
 * sameSitePath('/articles/caf\u00e9?x=1'); // { ok: true, path: '/articles/caf%C3%A9?x=1' }
 * sameSitePath('/\\evil.test'); // { ok: false, code: 'protocol-relative', ... }
 * ```
 */
export function sameSitePath(path: unknown): SameSitePathResult {
  if (typeof path === 'string' && !path.startsWith('/')) return reject('not-a-path');
  sameSiteGuard ??= createRedirectGuard({ base: SAME_SITE_BASE });
  const result = sameSiteGuard(path);
  if (!result.ok) return result;
  const url = new URL(result.url);
  return { ok: true, path: `${url.pathname}${url.search}${url.hash}` };
}

/**
 * Whether `path` is an origin-relative path that stays on the site: {@link sameSitePath}
 * as a boolean.
 *
 * @example
 * ```ts
 * isSameSitePath('/docs/intro'); // true
 * isSameSitePath('/.//evil.test'); // false
 * ```
 */
export function isSameSitePath(path: unknown): boolean {
  return sameSitePath(path).ok;
}
