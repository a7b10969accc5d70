import { redirectBody } from '@org/redirect-core/adapter';
import type { RedirectStatus } from '@org/redirect-core/status';
import type { Context } from 'koa';

/** Writes a redirect decided by core onto Koa's response. */
export function writeRedirect(
  ctx: Context,
  answer: {
    readonly status: RedirectStatus;
    readonly location: string;
    readonly headers: Readonly<Record<string, string>>;
  },
): void {
  ctx.status = answer.status;
  ctx.set(answer.headers);
  const note = redirectBody(ctx.method, answer.location);
  if (note === null) return;
  ctx.type = note.contentType;
  ctx.body = note.body;
}
