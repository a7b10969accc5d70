import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { serve as listen } from '@org/test-utils/http';
import { freePort } from '@org/test-utils/port';

/** What a test server received. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A node:http server on 127.0.0.1 with an ephemeral port, recording every request. */
export interface TestServer {
  url: (path: string) => string;
  origin: string;
  received: Received[];
  close: () => Promise<void>;
}

type Handler = (request: Received, response: ServerResponse) => void;

/** Starts a server whose `routes` answer by path; anything else gets 404. */
export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const received: Received[] = [];
  return serve((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const route = routes[new URL(request.path, 'http://x').pathname];
      if (route) route(request, res);
      else res.writeHead(404).end('not found');
    });
  }, received);
}

/** Serves any request listener (a Koa app's `callback()`, say) the same way. */
export async function serve(
  listener: RequestListener,
  received: Received[] = [],
): Promise<TestServer> {
  const { url: origin, close } = await listen(listener);
  return { origin, url: (path) => `${origin}${path}`, received, close };
}

/** A handler that redirects with `status` to `location`. */
export const redirect =
  (status: number, location: string, headers: Record<string, string> = {}): Handler =>
  (_request, response) =>
    response.writeHead(status, { location, ...headers }).end();

/** A handler that answers 200 with a short text. */
export const ok: Handler = (_request, response) => response.writeHead(200).end('ok');

/** A port that nothing listens on: bound, then closed. */
export const closedPort = freePort;
