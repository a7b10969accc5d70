import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A response as it came off the wire: status line and header pairs, repeats and order kept. */
export interface RawResponse {
  readonly status: number;
  /** The reason phrase, byte for byte (Latin-1), as the server sent it. */
  readonly statusText: string;
  /** `[name, value]` pairs, names lower-cased, values as sent; never joined. */
  readonly headers: readonly (readonly [string, string])[];
}

/** What `trace` sends for one hop. */
export interface RawRequestInit {
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  /** Milliseconds to wait for the response headers. */
  readonly timeout: number;
}

/** Sends one request without following redirects; `trace` can be given another for tests. */
export type RawRequest = (url: string, init: RawRequestInit) => Promise<RawResponse>;

/**
 * One request with `node:http` / `node:https`, reading the raw header pairs (a `Headers` object
 * would join two `Location` headers into one value). The body is discarded. The HTTP parser is
 * Node's strict one, as fetch's is: a response it refuses is an error, as in clients.
 */
export const rawRequest: RawRequest = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: init.method,
        headers: headerRecord(init.headers),
        signal: AbortSignal.timeout(init.timeout),
        agent: false,
      },
      (response: IncomingMessage) => {
        const raw = response.rawHeaders;
        const headers: [string, string][] = [];
        for (let i = 0; i + 1 < raw.length; i += 2) {
          headers.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
        }
        response.resume();
        response.on('error', () => undefined);
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          headers,
        });
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });

// Node takes repeated request headers as an array value.
function headerRecord(pairs: RawRequestInit['headers']): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of pairs) {
    const had = record[name];
    record[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return record;
}
