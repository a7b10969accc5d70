import {
  type AdapterOptions,
  mapAdapterOptionsSchema,
  parseAdapterOptions,
  type RedirectDecision,
  type RedirectMap,
  type RedirectRule,
  type RedirectTargetOptions,
  redirectBody,
  redirectDecision,
  toRedirectMap,
} from '@org/redirect-core';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Redirects to `target` with the status for the intent (default 307). Unless
     * `trusted: true`, the target passes the open-redirect guard and a rejected one goes to
     * the fallback; the Location is always encoded. Returns the reply, so
     * `return reply.redirectTo(...)` works in async handlers.
     */
    redirectTo(target: string, options?: RedirectTargetOptions): FastifyReply;
  }
}

const pkg = '@org/redirect-fastify';

/** Options of the {@link redirects} plugin. */
export interface RedirectsPluginOptions extends AdapterOptions {
  /** Redirect rules, compiled once at registration. */
  readonly rules?: readonly RedirectRule[];
  /** A map from `createRedirectMap`, instead of `rules`. */
  readonly map?: RedirectMap;
  /**
   * Which answers a request that both a rule and a route match: `'rules'` (as Next.js config
   * redirects, which run before routes) or `'routes'`. Unrouted requests always get the rules.
   * @default 'rules'
   */
  readonly precedence?: 'rules' | 'routes';
}

type Answer = Pick<RedirectDecision, 'status' | 'location'> & {
  readonly headers: Readonly<Record<string, string>>;
};

function send(reply: FastifyReply, answer: Answer): FastifyReply {
  reply.code(answer.status).headers(answer.headers);
  const note = redirectBody(reply.request.method, answer.location);
  if (note === null) return reply.send();
  return reply.type(note.contentType).send(note.body);
}

// Async, so a bad option or rule rejects `register()` / `ready()` with its error.
const plugin: FastifyPluginAsync<RedirectsPluginOptions> = async (fastify, options) => {
  const { rules, map, precedence, onRedirect, cache, ...targets } = parseAdapterOptions(
    pkg,
    mapAdapterOptionsSchema,
    options,
  );
  if (!fastify.hasReplyDecorator('redirectTo')) {
    fastify.decorateReply('redirectTo', function redirectTo(this: FastifyReply, target, intent) {
      return send(this, redirectDecision(target, { ...targets, ...intent }));
    });
  }
  const source = (map ?? rules) as readonly RedirectRule[] | RedirectMap | undefined;
  if (source === undefined) return;
  const { base } = targets;
  const redirectMap = toRedirectMap(source, { ...(cache && { cache }), ...(base && { base }) });
  const routesWin = precedence === 'routes';
  fastify.addHook('onRequest', (request, reply, next) => {
    if (routesWin && !request.is404) return next();
    const result = redirectMap.match({
      url: request.url,
      method: request.method,
      headers: request.headers,
    });
    if (result === null) return next();
    send(reply, result);
    try {
      onRedirect?.({
        rule: result.rule,
        status: result.status,
        from: request.url,
        to: result.location,
      });
    } catch (error) {
      request.log.error({ err: error }, `${pkg}: the onRedirect hook threw`);
    }
  });
};

/**
 * A Fastify plugin that answers requests matching a redirect map from a root `onRequest` hook
 * (before body parsing; unrouted paths included), and decorates replies with
 * `reply.redirectTo(target, intent?)`. Options are checked at registration: a bad one throws a
 * `RedirectOptionsError` naming the field.
 *
 * @example
 * ```ts
 * await app.register(redirects, { rules: [{ from: '/old/*', to: '/new/:splat', permanent: true }] });
 * app.post('/login', (req, reply) => reply.redirectTo(req.query.next, { preserveMethod: false }));
 * ```
 */
export const redirects = fp(plugin, { fastify: '5.x', name: pkg });
