import type { SourceId } from '../status/sources';

/** Documents {@link encodeLocation} follows. */
export const encodeLocationSources = [
  'rfc3986-2',
  'rfc9110-10.2.2',
  'whatwg-url',
] as const satisfies readonly SourceId[];

// RFC 3986 unreserved and reserved characters: the only ASCII a URI-reference holds raw.
// Everything else (controls, space, " < > \ ^ ` { | } and DEL) is percent-encoded.
const SAFE_ASCII =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=";
const safe = new Uint8Array(128);
for (const char of SAFE_ASCII) safe[char.charCodeAt(0)] = 1;

const HEX_DIGITS = '0123456789ABCDEF';
const escapeByte = (byte: number): string =>
  `%${HEX_DIGITS[byte >> 4] ?? '0'}${HEX_DIGITS[byte & 15] ?? '0'}`;

// Already encoded, or nothing to encode: the common case returns the input untouched.
const ALREADY_SAFE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#\\]*)/;
const NON_ASCII = /[^\u0000-\u007f]/;
const PLAIN_HOST = /^[^\u0000-\u0020\u007f%[\]:@/\\?#]+$/;

function isHex(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x46) ||
    (code >= 0x61 && code <= 0x66)
  );
}

function escapeCodePoint(cp: number): string {
  if (cp < 0x80) return escapeByte(cp);
  if (cp < 0x800) return escapeByte(0xc0 | (cp >> 6)) + escapeByte(0x80 | (cp & 63));
  if (cp < 0x10000) {
    return (
      escapeByte(0xe0 | (cp >> 12)) +
      escapeByte(0x80 | ((cp >> 6) & 63)) +
      escapeByte(0x80 | (cp & 63))
    );
  }
  return (
    escapeByte(0xf0 | (cp >> 18)) +
    escapeByte(0x80 | ((cp >> 12) & 63)) +
    escapeByte(0x80 | ((cp >> 6) & 63)) +
    escapeByte(0x80 | (cp & 63))
  );
}

function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x25) {
        if (isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
          out += text.slice(i, i + 3);
          i += 2;
        } else out += '%25';
      } else out += safe[code] === 1 ? text[i] : escapeByte(code);
      continue;
    }
    let cp = code;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) cp = 0xfffd;
    out += escapeCodePoint(cp);
  }
  return out;
}

/**
 * An internationalised host in ASCII (punycode), so clients that do not run IDNA themselves
 * (curl, most HTTP libraries) reach the same host a browser would. `undefined` when the
 * host is not a plain domain the URL parser accepts.
 */
function asciiHost(host: string): string | undefined {
  if (!PLAIN_HOST.test(host)) return undefined;
  try {
    const hostname = new URL(`http://${host}/`).hostname;
    return hostname !== '' && !NON_ASCII.test(hostname) ? hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Splits `user@host:port` and punycodes the host when it holds non-ASCII. */
function encodeAuthority(authority: string): string {
  if (!NON_ASCII.test(authority)) return percentEncode(authority);
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  const port = /:\d*$/.exec(hostPort)?.[0] ?? '';
  const host = hostPort.slice(0, hostPort.length - port.length);
  const ascii = NON_ASCII.test(host) ? asciiHost(host) : undefined;
  return percentEncode(userinfo) + (ascii ?? percentEncode(host)) + port;
}

/**
 * A value that is safe to write as a `Location` header: non-ASCII and characters a URI may
 * not hold raw (controls, space, `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`, DEL) are
 * percent-encoded as UTF-8; valid `%XX` escapes are left alone and a stray `%` becomes `%25`;
 * a lone UTF-16 surrogate becomes U+FFFD. An internationalised host is written in punycode.
 * The output is printable ASCII only, so it can neither crash a server (`ERR_INVALID_CHAR`)
 * nor split a header. Never throws.
 *
 * Encoding never creates a `/`, so it cannot turn a path into a `//host` reference: a raw
 * backslash or tab (which browsers read as `/` or delete) becomes a harmless `%5C` or `%09`.
 * It is not a guard: judge untrusted targets with `safeRedirectTarget` first.
 *
 * @example
 * ```ts
 * encodeLocation('/café?q=a b'); // '/caf%C3%A9?q=a%20b'
 * encodeLocation('/100%'); // '/100%25'
 * encodeLocation('/a\r\nSet-Cookie: x'); // '/a%0D%0ASet-Cookie:%20x'
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.2
 */
export function encodeLocation(url: string): string {
  let text: string;
  try {
    text = typeof url === 'string' ? url : String(url);
  } catch {
    return '';
  }
  if (ALREADY_SAFE.test(text)) return text;
  const authority = AUTHORITY.exec(text);
  if (authority) {
    const [whole, scheme = '', hostPart = ''] = authority;
    return (
      percentEncode(scheme) + encodeAuthority(hostPart) + percentEncode(text.slice(whole.length))
    );
  }
  return percentEncode(text);
}
