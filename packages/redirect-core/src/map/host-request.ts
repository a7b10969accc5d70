import { headerValues } from '../headers/headers';
import type { MatchInput } from './types';

/**
 * A request as host rules read it: the raw path and query, host, scheme, headers and cookies,
 * each worked out once and only when a rule asks.
 */
export class HostRequest {
  /** The path as sent, percent-encoding kept; `null` when the URL has none. */
  readonly path: string | null;
  /** The query without `?` ('' when none). */
  readonly query: string;
  readonly #urlHost: string | null;
  readonly #urlScheme: string | null;
  #cookies: Map<string, string> | undefined;

  constructor(readonly input: MatchInput) {
    const url = input?.url;
    let path: string | null = null;
    let query = '';
    let host: string | null = null;
    let scheme: string | null = null;
    if (url instanceof URL) {
      path = url.pathname;
      query = url.search.slice(1);
      host = url.host;
      scheme = url.protocol.slice(0, -1);
    } else if (typeof url === 'string' && url.charCodeAt(0) === 47 && url.charCodeAt(1) !== 47) {
      const end = url.search(/[?#]/);
      path = end === -1 ? url : url.slice(0, end);
      if (end !== -1 && url[end] === '?') {
        const hash = url.indexOf('#', end);
        query = url.slice(end + 1, hash === -1 ? undefined : hash);
      }
    } else if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      try {
        const parsed = new URL(url);
        // The path as written: URL would resolve dot segments the host never sees resolved.
        const rest = url.slice(url.indexOf('/', url.indexOf('//') + 2));
        const end = rest.search(/[?#]/);
        path =
          url.indexOf('/', url.indexOf('//') + 2) === -1
            ? '/'
            : end === -1
              ? rest
              : rest.slice(0, end);
        query = parsed.search.slice(1);
        host = parsed.host;
        scheme = parsed.protocol.slice(0, -1);
      } catch {
        path = null;
      }
    }
    this.path = path;
    this.query = query;
    this.#urlHost = host === null ? null : host.toLowerCase();
    this.#urlScheme = scheme === null ? null : scheme.toLowerCase();
  }

  /** The Host: the URL's, else the `Host` (or `:authority`) header, lower-cased, port kept. */
  host(): string | null {
    if (this.#urlHost !== null) return this.#urlHost;
    const header = this.header('host') ?? this.header(':authority');
    return header === undefined ? null : header.trim().toLowerCase();
  }

  /**
   * The scheme: the URL's, else `X-Forwarded-Proto` (what a proxy in front says), else `https`,
   * the scheme hosts serve sites on.
   */
  scheme(): string {
    if (this.#urlScheme !== null) return this.#urlScheme;
    const forwarded = this.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    return forwarded === 'http' || forwarded === 'https' ? forwarded : 'https';
  }

  /** A header's values joined with `, ` (as Node joins repeats), or `undefined`. */
  header(name: string): string | undefined {
    if (this.input.headers == null) return undefined;
    const values = headerValues(this.input.headers, name);
    if (values.length === 0) return undefined;
    return values.join(name.toLowerCase() === 'cookie' ? '; ' : ', ');
  }

  /** Cookies by name (the first of a repeated name wins, as in the `cookie` package). */
  cookies(): Map<string, string> {
    if (this.#cookies === undefined) {
      const map = new Map<string, string>();
      for (const pair of (this.header('cookie') ?? '').split(';')) {
        const eq = pair.indexOf('=');
        if (eq === -1) continue;
        const name = pair.slice(0, eq).trim();
        if (name === '' || map.has(name)) continue;
        let value = pair.slice(eq + 1).trim();
        if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) {
          value = value.slice(1, -1);
        }
        if (value.includes('%')) {
          try {
            value = decodeURIComponent(value);
          } catch {
            // Kept as sent, as the cookie package does.
          }
        }
        map.set(name, value);
      }
      this.#cookies = map;
    }
    return this.#cookies;
  }
}

/** Form decoding of a query component (`+` is a space); malformed escapes are kept. */
export function formDecode(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
