// The two ways the Hono tests reach an app: a real Node.js server on 127.0.0.1 through
// @hono/node-server (bytes on a socket), and `app.fetch` with Web `Request` objects, as
// Cloudflare Workers, Deno and Bun call it. Both answer in the raw-response shape.
import { getRequestListener } from '@hono/node-server';
import { type RawResponse, rawRequest, serve } from '@org/test-utils/http';

/** A Hono app, or a fetch handler built around one (`withRedirects`). */
export interface FetchApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

/** What a test may set on a request. */
export interface Sent {
  readonly method?: string;
  readonly host?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One way to send a request to the app under test. */
export interface Transport {
  readonly name: string;
  send(target: string, init?: Sent): Promise<RawResponse>;
  close(): Promise<void>;
}

/** The app behind a real Node.js server: requests are written to the socket as given. */
export async function nodeServer(app: FetchApp): Promise<Transport & { readonly url: string }> {
  // Globals stay the platform's own, so the app.fetch cases get real Web Requests.
  const running = await serve(
    getRequestListener((request, env) => app.fetch(request, env), { overrideGlobalObjects: false }),
  );
  return {
    name: '@hono/node-server',
    url: running.url,
    send: (target, init = {}) => rawRequest(running.port, target, init),
    close: () => running.close(),
  };
}

/** The app called as a fetch handler with a Web `Request`, as edge runtimes do. */
export function fetchHandler(app: FetchApp): Transport {
  return {
    name: 'app.fetch(Request)',
    async send(target, { method = 'GET', host = '127.0.0.1', headers = {} } = {}) {
      const response = await app.fetch(new Request(`http://${host}${target}`, { method, headers }));
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      };
    },
    close: async () => {},
  };
}
