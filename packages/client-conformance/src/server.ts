// One server for a whole suite, listening on two ports of 127.0.0.1. The host names
// 127.0.0.1, localhost and api.localhost all reach it, so one server can answer for the same
// origin, another port, another host and a subdomain.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it: the headers that matter for redirects, and the body. */
export interface Seen {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The request headers a cell compares: credentials, the body's type, Origin and Referer. */
export const comparedHeaders = [
  'authorization',
  'cookie',
  'proxy-authorization',
  'content-type',
  'origin',
  'referer',
] as const;

export interface ConformanceServer {
  readonly ports: readonly [number, number];
  /** Requests seen per cell id, in order (CORS preflights left out). */
  seen(id: string): readonly Seen[];
  close(): Promise<void>;
}

function pick(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of comparedHeaders) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

// Every answer lets a page on any of our origins read it and send what the cells send, so a
// browser's CORS checks never hide what the redirect itself did.
function allowCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, DELETE, PATCH');
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-expose-headers', 'location');
  res.setHeader('cache-control', 'no-store');
}

const page = '<!doctype html><html><head><title>conformance</title></head><body>ok</body></html>';

/**
 * Routes (the cell id is the first segment after the route):
 * - `/r/<id>/<status>?to=<url>`: answers `status` with `Location: <url>`;
 * - `/chain/<id>/<n>`: 302 to `/chain/<id>/<n-1>` until 0, which answers 200;
 * - `/land/<id>`: 200, the end of a redirect;
 * - `/page`: an empty HTML page for browsers to run cells from.
 */
export async function startServer(): Promise<ConformanceServer> {
  const records = new Map<string, Seen[]>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    allowCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const [, route = '', id = '', arg = ''] = url.pathname.split('/');
    if (id !== '') {
      const list = records.get(id) ?? [];
      list.push({
        method: req.method ?? '',
        host: req.headers.host ?? '',
        path: url.pathname + url.search,
        headers: pick(req.headers),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      records.set(id, list);
    }
    if (route === 'r') {
      res.writeHead(Number(arg), { location: url.searchParams.get('to') ?? '/' });
      res.end();
      return;
    }
    if (route === 'chain') {
      const n = Number(arg);
      if (n > 0) {
        res.writeHead(302, { location: `/chain/${id}/${n - 1}` }).end();
        return;
      }
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(req.method === 'HEAD' ? '' : page);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 500;
  const second = createServer(server.listeners('request')[0] as never);
  server.listen(0, '127.0.0.1');
  second.listen(0, '127.0.0.1');
  await Promise.all([once(server, 'listening'), once(second, 'listening')]);
  const ports = [
    (server.address() as AddressInfo).port,
    (second.address() as AddressInfo).port,
  ] as const;
  const stop = (s: typeof server) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    ports,
    seen: (id) => records.get(id) ?? [],
    close: async () => {
      await Promise.all([stop(server), stop(second)]);
    },
  };
}
