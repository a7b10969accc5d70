import { redirectBody } from '@org/redirect-core/adapter';
import type { RedirectStatus } from '@org/redirect-core/status';
import type { Context } from 'hono';

/** A redirect answer decided by core. */
interface Answer {
  readonly status: RedirectStatus;
  readonly location: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The body (none for HEAD) and headers of `answer`, as core words them. */
function parts(method: string, answer: Answer) {
  const note = redirectBody(method, answer.location);
  const headers: Record<string, string> = { ...answer.headers };
  if (note === null) return { body: null, headers };
  headers['content-type'] = note.contentType;
  return { body: note.body, headers };
}

/** A redirect decided by core as Hono's response (headers set on `c` earlier are kept). */
export function redirectResponse(c: Context, answer: Answer): Response {
  const { body, headers } = parts(c.req.method, answer);
  // Hono's overloads take a string or null, not their union.
  return body === null
    ? c.body(null, answer.status, headers)
    : c.body(body, answer.status, headers);
}

/**
 * The same answer as a plain `Response`, for `withRedirects`, which runs before Hono
 * makes a context. Headers are a plain record, which @hono/node-server writes without a copy.
 */
export function plainRedirectResponse(method: string, answer: Answer): Response {
  const { body, headers } = parts(method, answer);
  return new Response(body, { status: answer.status, headers });
}
