import type { RedirectTargetOptions } from '@org/redirect-core';
import Fastify, { type FastifyReply } from 'fastify';
import { describe, expectTypeOf, it } from 'vitest';
import redirects, { type RedirectsPluginOptions } from './index';

describe('reply.redirectTo', () => {
  it('is declared on every reply and returns the reply', () => {
    expectTypeOf<FastifyReply['redirectTo']>().parameters.toEqualTypeOf<
      [target: string, options?: RedirectTargetOptions]
    >();
    expectTypeOf<FastifyReply['redirectTo']>().returns.toEqualTypeOf<FastifyReply>();
    const app = Fastify();
    app.get('/', async (_request, reply) => {
      expectTypeOf(reply.redirectTo('/x', { permanent: true })).toEqualTypeOf<FastifyReply>();
      // @ts-expect-error the target is a string
      reply.redirectTo(new URL('https://x.test'));
      // @ts-expect-error an unknown intent field
      reply.redirectTo('/x', { permanant: true });
      return reply.redirectTo('/x');
    });
  });
});

describe('plugin options', () => {
  it('are typed', () => {
    const app = Fastify();
    app.register(redirects, { rules: [{ from: '/a', to: '/b' }], precedence: 'routes' });
    // @ts-expect-error precedence is 'rules' or 'routes'
    app.register(redirects, { rules: [], precedence: 'first' });
    expectTypeOf<RedirectsPluginOptions['precedence']>().toEqualTypeOf<
      'rules' | 'routes' | undefined
    >();
  });
});
