import {
  type AdapterOptions,
  mapAdapterOptionsSchema,
  parseAdapterOptions,
  type RedirectDecision,
  type RedirectInput,
  type RedirectTargetOptions,
  RequestInput,
  redirectBody,
  redirectDecision,
  toRedirectSource,
} from '@org/redirect-core/adapter';
import type { RedirectMap, RedirectRule } from '@org/redirect-core/map';
import type { RedirectSource } from '@org/redirect-core/source';
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
  /**
   * A map from `createRedirectMap`, or a `RedirectSource` whose map can change while the app
   * runs (a watched file, Redis), instead of `rules`. A source's failed updates are logged.
   */
  readonly map?: RedirectMap | RedirectSource;
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
  const input = (map ?? rules) as RedirectInput | undefined;
  if (input === undefined) return;
  const { base } = targets;
  const source = toRedirectSource(input, { ...(cache && { cache }), ...(base && { base }) });
  const unsubscribe = source.subscribe?.((event) => {
    if (event.kind === 'error') {
      fastify.log.error({ err: event.error }, `${pkg}: the redirect source kept its last good map`);
    }
  });
  if (unsubscribe) fastify.addHook('onClose', async () => unsubscribe());
  const routesWin = precedence === 'routes';
  fastify.addHook('onRequest', (request, reply, next) => {
    if (routesWin && !request.is404) return next();
    // Headers are read only by rules that need them.
    const result = source.current().match(new RequestInput(request.url, request.method, request));
    // No rule, or one the host serves itself (a rewrite, an error page): the request goes on.
    if (result?.kind !== 'redirect') return next();
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
