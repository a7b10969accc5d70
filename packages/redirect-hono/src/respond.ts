import { type RedirectStatus, redirectBody } from '@org/redirect-core';
import type { Context } from 'hono';

/** A redirect decided by core as Hono's response (headers set on `c` earlier are kept). */
export function redirectResponse(
  c: Context,
  answer: {
    readonly status: RedirectStatus;
    readonly location: string;
    readonly headers: Readonly<Record<string, string>>;
  },
): Response {
  const note = redirectBody(c.req.method, answer.location);
  if (note === null) return c.body(null, answer.status, { ...answer.headers });
  return c.body(note.body, answer.status, {
    ...answer.headers,
    'content-type': note.contentType,
  });
}

/**
 * The same answer as a plain `Response`, for `withRedirects`, which runs before Hono
 * makes a context. Headers are a plain record, which @hono/node-server writes without a copy.
 */
export function plainRedirectResponse(
  method: string,
  answer: {
    readonly status: RedirectStatus;
    readonly location: string;
    readonly headers: Readonly<Record<string, string>>;
  },
): Response {
  const note = redirectBody(method, answer.location);
  if (note === null)
    return new Response(null, { status: answer.status, headers: { ...answer.headers } });
  return new Response(note.body, {
    status: answer.status,
    headers: { ...answer.headers, 'content-type': note.contentType },
  });
}
