import { redirectBody } from '@org/redirect-core/adapter';
import type { RedirectStatus } from '@org/redirect-core/status';
import type { Response } from 'express';

/** Writes a redirect decided by core onto Express's response and ends it. */
export function writeRedirect(
  res: Response,
  answer: {
    readonly status: RedirectStatus;
    readonly location: string;
    readonly headers: Readonly<Record<string, string>>;
  },
): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  const note = redirectBody(res.req.method, answer.location);
  if (note === null) {
    res.end();
    return;
  }
  // `res.end`, not `res.send`: no ETag or freshness check on a redirect, the body as given.
  res.setHeader('content-type', note.contentType);
  res.setHeader('content-length', Buffer.byteLength(note.body));
  res.end(note.body);
}
