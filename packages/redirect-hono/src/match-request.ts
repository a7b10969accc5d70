import type { PreparedRedirects } from '@org/redirect-core/adapter';

// The map's input for a Web `Request`. Headers are read only by rules with header or cookie
// conditions, and @hono/node-server builds its Headers object on first access, so the getter
// defers that cost. It lives on a class: a getter in an object literal is a new closure per
// request, which gives every input its own hidden class in old space (a Hono server measured
// 0.70x of bare with it, scavenges 10x longer).
class RequestInput {
  readonly url: string;
  readonly method: string;
  readonly #request: Request;
  constructor(request: Request) {
    this.#request = request;
    this.url = request.url;
    this.method = request.method;
  }
  get headers(): Headers {
    return this.#request.headers;
  }
}

/** The answer of the current map for a Web `Request`; `null` unless it is a redirect. */
export function matchRequest(source: PreparedRedirects['source'], request: Request) {
  const result = source.current().match(new RequestInput(request));
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
