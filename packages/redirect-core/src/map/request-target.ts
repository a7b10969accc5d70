/** The request target of a URL string: path, query, and host when it is absolute. */
export interface UrlParts {
  path: string;
  query: string;
  host: string | null;
}

// The length of a leading "http://" or "https://" (any case), or 0. Character codes, not a
// regular expression: absolute targets are what every Web `Request` carries (Hono, Next.js).
function schemeLength(url: string): number {
  if ((url.charCodeAt(0) | 32) !== 104) return 0; // h
  if ((url.charCodeAt(1) | 32) !== 116 || (url.charCodeAt(2) | 32) !== 116) return 0; // tt
  if ((url.charCodeAt(3) | 32) !== 112) return 0; // p
  const s = (url.charCodeAt(4) | 32) === 115 ? 5 : 4; // s
  return url.charCodeAt(s) === 58 && url.charCodeAt(s + 1) === 47 && url.charCodeAt(s + 2) === 47
    ? s + 3
    : 0;
}

/**
 * Splits a request target (origin-relative, or an absolute http(s) URL) without constructing a
 * `URL`; `null` for anything else.
 */
export function splitUrl(url: string): UrlParts | null {
  let start = 0;
  let host: string | null = null;
  if (url.charCodeAt(0) !== 47) {
    const authorityStart = schemeLength(url);
    if (authorityStart === 0) return null;
    let end = url.length;
    for (let i = authorityStart; i < url.length; i++) {
      const c = url.charCodeAt(i);
      if (c === 47 || c === 63 || c === 35 || c === 92) {
        end = i;
        break;
      }
    }
    const authority = url.slice(authorityStart, end);
    host = authority.slice(authority.lastIndexOf('@') + 1);
    // Lower-cased only when it holds an upper-case or non-ASCII letter (the common host has none).
    if (/[A-Z\u0080-\uffff]/.test(host)) host = host.toLowerCase();
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
