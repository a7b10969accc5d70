import { type PreparedRedirects, RequestInput } from '@org/redirect-core/adapter';

/** The answer of the current map for a Web `Request`; `null` unless it is a redirect. */
export function matchRequest(source: PreparedRedirects['source'], request: Request) {
  // Headers are read only by rules that need them (@hono/node-server builds them on first access).
  const result = source.current().match(new RequestInput(request.url, request.method, request));
  // No rule, or one the app serves itself (a rewrite): the request goes on.
  return result?.kind === 'redirect' ? result : null;
}

/** Calls the user's `onRedirect` hook; a throwing hook is logged, never the answer's problem. */
export function reportRedirect(
  pkg: string,
  onRedirect: PreparedRedirects['onRedirect'],
  answer: NonNullable<ReturnType<typeof matchRequest>>,
  url: string,
): void {
  if (!onRedirect) return;
  try {
    const { pathname, search } = new URL(url);
    onRedirect({
      rule: answer.rule,
      status: answer.status,
      from: `${pathname}${search}`,
      to: answer.location,
    });
  } catch (error) {
    // The redirect is answered anyway; report the error as Hono's default error handler
    // does, on every runtime.
    console.error(`${pkg}: the onRedirect hook threw`, error);
  }
}
