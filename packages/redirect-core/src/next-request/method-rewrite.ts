// RFC 9110 §9.1: a method is a token (a loop, not a regex: the input is unbounded).
const tokenChars = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  tokenChars[char.charCodeAt(0)] = 1;
}

function isToken(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128 || tokenChars[code] === 0) return false;
  }
  return true;
}
const normalized = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** Whether `method` is a valid method token. */
export function isMethod(method: unknown): method is string {
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'HEAD') return true;
  return typeof method === 'string' && isToken(method);
}

/**
 * Fetch's "normalize a method": DELETE, GET, HEAD, OPTIONS, POST and PUT, in any case, are
 * upper-cased; every other method (PATCH included) is kept exactly.
 *
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
export function normalizeMethod(method: string): string {
  // Most methods arrive normalized already.
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'HEAD') return method;
  const upper = method.toUpperCase();
  return normalized.has(upper) ? upper : method;
}
