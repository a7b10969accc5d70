/** The request target of a URL string: path, query, and host when it is absolute. */
export interface UrlParts {
  path: string;
  query: string;
  host: string | null;
}

/**
 * Splits a request target (origin-relative, or an absolute http(s) URL) without constructing a
 * `URL`; `null` for anything else.
 */
export function splitUrl(url: string): UrlParts | null {
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
