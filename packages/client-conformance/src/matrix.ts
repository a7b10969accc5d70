// The matrix: every move × method × 3xx status, each cell compared with nextRequest's
// prediction for the client that ran it.
import { type ClientId, type NextRequestOptions, nextRequest } from '@org/redirect-core';
import { type ConformanceServer, comparedHeaders, type Seen } from './server';

/** The kinds of move a redirect can make. */
export const moves = ['same-origin', 'other-port', 'other-host', 'subdomain'] as const;
export type Move = (typeof moves)[number];

export const allMethods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
export const statuses = [300, 301, 302, 303, 304, 305, 306, 307, 308] as const;

/** The origin a cell starts on and the one its Location leads to. */
export function origins(move: Move, ports: readonly [number, number]): [string, string] {
  const [a, b] = ports;
  switch (move) {
    case 'same-origin':
      return [`http://127.0.0.1:${a}`, `http://127.0.0.1:${a}`];
    case 'other-port':
      return [`http://127.0.0.1:${a}`, `http://127.0.0.1:${b}`];
    case 'other-host':
      return [`http://127.0.0.1:${a}`, `http://localhost:${a}`];
    case 'subdomain':
      return [`http://localhost:${a}`, `http://api.localhost:${a}`];
  }
}

export interface Cell {
  readonly id: string;
  readonly move: Move;
  readonly method: string;
  readonly status: number;
  readonly from: string;
  readonly url: string;
  readonly location: string;
}

let counter = 0;

/** Every cell for `methods`, with ids unique in the process. */
export function cells(
  prefix: string,
  ports: readonly [number, number],
  methods: readonly string[],
): Cell[] {
  const out: Cell[] = [];
  for (const move of moves) {
    const [from, to] = origins(move, ports);
    for (const method of methods) {
      for (const status of statuses) {
        const id = `${prefix}-${move}-${method}-${status}-${counter++}`;
        const location = `${to}/land/${id}`;
        out.push({
          id,
          move,
          method,
          status,
          from,
          location,
          url: `${from}/r/${id}/${status}?to=${encodeURIComponent(location)}`,
        });
      }
    }
  }
  return out;
}

/** The request body and headers cells send (those a client lets the caller set). */
export function requestFor(
  method: string,
  settable: readonly string[],
): { headers: Record<string, string>; body?: string } {
  const all: Record<string, string> = {
    authorization: 'Bearer secret',
    cookie: 'session=1',
    'proxy-authorization': 'Basic cHJveHk6cw==',
  };
  const hasBody = method !== 'GET' && method !== 'HEAD';
  if (hasBody) all['content-type'] = 'text/plain';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(all))
    if (settable.includes(name)) headers[name] = value;
  return hasBody ? { headers, body: 'x=1' } : { headers };
}

/** What a cell's second request looks like, seen or predicted; `null`: nothing was sent. */
export interface Outcome {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function compared(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of comparedHeaders) if (headers[name] !== undefined) out[name] = headers[name];
  return out;
}

/** The second request the server saw for a cell, or `null`. */
export function observed(seen: readonly Seen[]): Outcome | null {
  const landing = seen[1];
  if (landing === undefined) return null;
  return {
    method: landing.method,
    url: `http://${landing.host}${landing.path}`,
    headers: compared(landing.headers),
    body: landing.body,
  };
}

/**
 * nextRequest's prediction for `cell`, from the first request as the server saw it (so what a
 * browser added itself, Origin and Referer, is part of the input), and the referrer a browser
 * page gives.
 */
export function predicted(
  cell: Cell,
  first: Seen,
  client: ClientId,
  referrer?: string,
  options: NextRequestOptions = {},
): Outcome | null {
  const result = nextRequest(
    {
      method: first.method,
      url: cell.url,
      headers: first.headers,
      body: first.body === '' ? undefined : first.body,
      ...(referrer === undefined ? {} : { referrer }),
    },
    { status: cell.status, headers: { location: cell.location } },
    { ...options, client },
  );
  if (result.kind !== 'follow') return null;
  const { request } = result;
  return {
    method: request.method,
    url: request.url,
    headers: compared(request.headers),
    body: typeof request.body === 'string' ? request.body : '',
  };
}

/** One cell that did not match, for the failure message. */
export interface Mismatch {
  readonly cell: string;
  readonly observed: Outcome | null | 'first request not seen';
  readonly predicted: Outcome | null;
}

/** Compares every cell of a run; returns the cells that differ. */
export function compare(
  server: ConformanceServer,
  list: readonly Cell[],
  client: ClientId,
  referrer?: (cell: Cell) => string,
  options: NextRequestOptions = {},
): { checked: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  for (const cell of list) {
    const seen = server.seen(cell.id);
    const first = seen[0];
    const label = `${cell.move} ${cell.method} ${cell.status}`;
    if (first === undefined) {
      mismatches.push({ cell: label, observed: 'first request not seen', predicted: null });
      continue;
    }
    const got = observed(seen);
    const want = predicted(cell, first, client, referrer?.(cell), options);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      mismatches.push({ cell: label, observed: got, predicted: want });
    }
  }
  return { checked: list.length, mismatches };
}

/** Runs `task` over `items`, at most `limit` at a time. */
export async function parallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
