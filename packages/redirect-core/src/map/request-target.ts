/** An absolute URL's request target in origin-form, and the host it names. */
export interface OriginForm {
  /** The path, query and fragment: `/a?x=1#f` (`/` when the URL has no path). */
  target: string;
  /** The host and port as written, without userinfo (folded by whoever compares it). */
  host: string;
}

/**
 * The origin-form of an absolute http(s) URL, without constructing a `URL`: the matcher then
 * reads it as it reads an origin-relative target, so both take the same (fast) path. `null`
 * for anything that is not an absolute http(s) URL.
 */
export function originForm(url: string): OriginForm | null {
  if (!/^https?:\/\//i.test(url)) return null;
  // "http:" has its colon at 4, "https:" an "s" (test() allocates no match, exec() would).
  const start = url.charCodeAt(4) === 58 ? 7 : 8;
  let end = url.length;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    // The authority ends at "/", "?", "#" or "\" (which browsers read as "/").
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      end = i;
      break;
    }
  }
  const authority = url.slice(start, end);
  return {
    target: url.charCodeAt(end) === 47 ? url.slice(end) : `/${url.slice(end)}`,
    host: authority.slice(authority.lastIndexOf('@') + 1),
  };
}
