import type { HeadersLike } from '../headers/headers';
import type { MatchInput } from '../map/types';

/**
 * What holds a request's headers: Node's `IncomingMessage`, a Koa context, a Fastify request,
 * a Web `Request`.
 */
export interface HeadersHolder {
  readonly headers: HeadersLike;
}

/**
 * A map's input for one request, whose headers are read only when a rule asks for them (a host,
 * header or cookie condition). Node builds `IncomingMessage.headers` and @hono/node-server its
 * `Headers` on first access, so a map without conditions never pays for them. The getter sits
 * on this class: a getter in an object literal is a new closure per request, which gives every
 * input its own hidden class (a Hono server ran at 0.70x of bare with one).
 *
 * @example
 * ```ts
 * map.match(new RequestInput(req.url, req.method, req)); // Node's IncomingMessage
 * ```
 */
export class RequestInput implements MatchInput {
  /** The request target: an origin-relative path with its query, or an absolute URL. */
  readonly url: string;
  /** The request method. */
  readonly method: string;
  readonly #holder: HeadersHolder;

  constructor(url: string, method: string, holder: HeadersHolder) {
    this.url = url;
    this.method = method;
    this.#holder = holder;
  }

  /** The request's headers, read from the holder when a rule needs them. */
  get headers(): HeadersLike {
    return this.#holder.headers;
  }
}
