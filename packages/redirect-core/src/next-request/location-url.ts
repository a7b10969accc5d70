import { hasForbiddenValueChar, trimHttpWhitespace } from './request-headers';

/**
 * The parts of a parsed URL that `nextRequest` reads. A `URL` has them all; a URL string that
 * is already in its serialized form gets them as a plain object without running the parser.
 */
export interface UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly origin: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly hash: string;
}

/**
 * The Fetch standard's "location URL" of a redirect response, for `[name, value]` pairs with
 * lower-cased names (see `headerList`).
 *
 * - no `Location` field: `none` (HTTP-redirect fetch step 4 returns the response);
 * - several `Location` fields, a value with NUL/CR/LF, or a value the URL parser rejects:
 *   `failure` (step 5, a network error);
 * - otherwise the URL parsed against `base` (the response URL), whose fragment is the
 *   request's when the Location has none.
 */
export type LocationUrl =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'failure';
      readonly reason: 'several' | 'invalid-value' | 'unparsable';
      readonly value: string;
    }
  | {
      readonly kind: 'url';
      readonly url: UrlParts;
      /** The serialized URL, with an inherited fragment. */
      readonly href: string;
      readonly value: string;
      /** The request fragment was appended ("" when it was an empty fragment). */
      readonly inheritedFragment: string | null;
      /** The value was a byte string of UTF-8 (as Node.js hands header values over) and was decoded. */
      readonly decoded: boolean;
      /**
       * The value is known to be printable ASCII without `"` or `\\` (it was resolved without
       * the URL parser), so it can be quoted as it is; `false` when that was not checked.
       */
      readonly printable: boolean;
    };

/**
 * The location URL of a response with `headers`, resolved against `base`, inheriting
 * `requestFragment` (`null`: the request URL had no fragment).
 *
 * @see https://fetch.spec.whatwg.org/#concept-response-location-url
 */
export function locationUrl(
  headers: readonly (readonly [string, string])[],
  base: UrlParts,
  requestFragment: string | null,
): LocationUrl {
  let raw: string | undefined;
  for (let i = 0; i < headers.length; i++) {
    const [name, value] = headers[i]!;
    if (name !== 'location') continue;
    // Extracting header list values: Location allows one value, so a repeat is failure.
    if (raw !== undefined) return { kind: 'failure', reason: 'several', value };
    raw = value;
  }
  if (raw === undefined) return { kind: 'none' };
  // Header values lose leading and trailing HTTP whitespace when parsed.
  const value = trimHttpWhitespace(raw);
  let url = resolveSerialized(value, base);
  const printable = url !== null;
  let decoded = false;
  if (url === null) {
    if (hasForbiddenValueChar(value)) return { kind: 'failure', reason: 'invalid-value', value };
    const decodedValue = decodeUtf8ByteString(value);
    try {
      url = new URL(decodedValue ?? value, base.href);
    } catch {
      return { kind: 'failure', reason: 'unparsable', value };
    }
    decoded = decodedValue !== null;
  }
  let href = url.href;
  let inheritedFragment: string | null = null;
  if (requestFragment !== null && urlFragment(url) === null) {
    // The fragment is already serialized (percent-encoded) in the request URL.
    href = `${href}#${requestFragment}`;
    inheritedFragment = requestFragment;
  }
  return { kind: 'url', url, href, value, inheritedFragment, decoded, printable };
}

/**
 * `value` parsed as an absolute URL: from its own characters when it is an http(s) URL in
 * serialized form, else with the URL parser; `null` when it is not a URL.
 */
export function parseAbsoluteUrl(value: string): UrlParts | null {
  const parts = serializedHttpUrl(value);
  if (parts !== null) return parts;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

// The fast paths below accept only strings the URL parser would give back unchanged: a subset
// of RFC 3986 characters, no dot segments (no segment starting with "." and no "%2e"), a
// lower-case ASCII host that is neither an IP address (its last label starts with a letter)
// nor punycode, no userinfo; anything else goes to the parser. Regexes run faster here than
// a loop over char codes.
const pathQueryFragment = String.raw`(?:\/(?!\.)(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%(?!2[eE]))*)+(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@\/?%]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@\/?%]*)?$`;
const serializedHttp = new RegExp(
  String.raw`^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z][a-z0-9-]*(?::[1-9][0-9]{0,4})?${pathQueryFragment}`,
);
const serializedPathAbsolute = new RegExp(`^${pathQueryFragment}`);

/** The `hash` of a URL serialized as `s` whose "#" is at `hashAt` (-1: none). */
function hashOf(s: string, hashAt: number): string {
  return hashAt === -1 || hashAt === s.length - 1 ? '' : s.slice(hashAt);
}

/**
 * The fast paths' regexes run only on values up to this length: a Location or URL can be
 * megabytes long, and the URL parser is linear where a regex with nested repetition may
 * overflow the stack.
 */
const fastPathLimit = 2048;

/** The parts of `s` when it is an absolute http(s) URL the parser would keep as it is. */
function serializedHttpUrl(s: string): UrlParts | null {
  if (s.length > fastPathLimit || !serializedHttp.test(s)) return null;
  const https = s.charCodeAt(4) === 0x73;
  const hostStart = https ? 8 : 7;
  const pathStart = s.indexOf('/', hostStart);
  const colon = s.indexOf(':', hostStart);
  const hostEnd = colon !== -1 && colon < pathStart ? colon : pathStart;
  if (hostEnd - hostStart > 253) return null;
  if (hostEnd !== pathStart) {
    // The parser drops a default port and refuses one above 65535.
    const port = Number(s.slice(hostEnd + 1, pathStart));
    if (port > 65535 || port === (https ? 443 : 80)) return null;
  }
  return {
    href: s,
    protocol: https ? 'https:' : 'http:',
    origin: s.slice(0, pathStart),
    username: '',
    password: '',
    hostname: s.slice(hostStart, hostEnd),
    hash: hashOf(s, s.indexOf('#', pathStart)),
  };
}

/**
 * `value` resolved against `base` without the parser when that is certain to give the same
 * URL: an absolute http(s) URL in serialized form, or a path-absolute reference ("/x?y#z")
 * against an http(s) base without credentials; `null` otherwise.
 */
function resolveSerialized(value: string, base: UrlParts): UrlParts | null {
  if (value.startsWith('h')) return serializedHttpUrl(value);
  // "//" starts a network-path reference.
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  const { protocol } = base;
  if (protocol !== 'https:' && protocol !== 'http:') return null;
  if (base.username !== '' || base.password !== '') return null;
  if (value.length > fastPathLimit || !serializedPathAbsolute.test(value)) return null;
  const origin = base.origin;
  return {
    href: origin + value,
    protocol,
    origin,
    username: '',
    password: '',
    hostname: base.hostname,
    hash: hashOf(value, value.indexOf('#')),
  };
}

/**
 * The fragment of `url`: `null` when it has none, `""` for a bare `#` (which `URL#hash` cannot
 * tell apart from no fragment at all).
 */
export function urlFragment(url: UrlParts): string | null {
  if (url.hash !== '') return url.hash.slice(1);
  return url.href.endsWith('#') ? '' : null;
}

/**
 * A header value handed over as a byte string (each char one byte, as Node.js and undici do)
 * holding UTF-8, decoded to the text a browser reads; `null` when `value` is ASCII, holds a
 * char above U+00FF (it is text already) or is not valid UTF-8 (then its chars are taken as
 * text, so "café" typed as a string is "caf%C3%A9" either way).
 */
export function decodeUtf8ByteString(value: string): string | null {
  let nonAscii = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return null;
    if (code >= 0x80) nonAscii = true;
  }
  if (!nonAscii) return null;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const lead = value.charCodeAt(i);
    if (lead < 0x80) {
      out += value[i];
      i++;
      continue;
    }
    let need: number;
    let point: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 1;
      point = lead & 0x1f;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      point = lead & 0x0f;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      point = lead & 0x07;
      min = 0x10000;
    } else {
      return null;
    }
    if (i + need >= value.length) return null;
    for (let k = 1; k <= need; k++) {
      const next = value.charCodeAt(i + k);
      if (next < 0x80 || next > 0xbf) return null;
      point = (point << 6) | (next & 0x3f);
    }
    if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null;
    out += String.fromCodePoint(point);
    i += need + 1;
  }
  return out;
}
