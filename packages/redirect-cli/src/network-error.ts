/** Why a request got no response: a short code and one line a person can act on. */
export interface NetworkError {
  readonly code: string;
  readonly message: string;
}

// Socket error codes from Node.js (undici passes the system error as `cause`).
const knownCodes = {
  ECONNREFUSED: 'connection refused: nothing listens on that port',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'the host name does not resolve (DNS)',
  EAI_AGAIN: 'DNS lookup timed out; try again',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server sent no headers in time',
  UND_ERR_SOCKET: 'the socket closed unexpectedly',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
} as const satisfies Record<string, string>;

/**
 * Turns whatever `fetch` threw into a {@link NetworkError}, never a stack trace. A timeout from
 * `AbortSignal.timeout` is a `TimeoutError`; socket and DNS errors hide in `cause`.
 */
export function networkError(error: unknown, timeoutMs: number): NetworkError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { code: 'TIMEOUT', message: `no response within ${timeoutMs} ms (--timeout)` };
  }
  // Walk the cause chain (and an AggregateError's errors, from trying several addresses).
  let cause: unknown = error;
  let deepest = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 5 && cause; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    const detail = (cause as { message?: unknown }).message;
    if (typeof code === 'string') {
      // Node's HTTP parser refuses a malformed response (a control byte in a header, say).
      if (code.startsWith('HPE_')) {
        return { code, message: 'the server sent a malformed HTTP response; clients refuse it' };
      }
      const known = (knownCodes as Record<string, string>)[code];
      return { code, message: known ?? (typeof detail === 'string' ? detail : code) };
    }
    if (typeof detail === 'string' && detail !== '') deepest = detail;
    const errors = (cause as { errors?: unknown }).errors;
    cause =
      Array.isArray(errors) && errors.length > 0 ? errors[0] : (cause as { cause?: unknown }).cause;
  }
  // Fetch's own refusals (a blocked port, say) carry no code, only a message.
  return { code: 'FETCH_FAILED', message: deepest };
}
