import type { RedirectDecision } from '@org/redirect-core';
import Koa, { type Middleware, type ParameterizedContext } from 'koa';
import { describe, expectTypeOf, it } from 'vitest';
import { redirectBack, redirects, redirectTo } from './index';

describe('Koa types', () => {
  it('redirects() is middleware for any app', () => {
    const app = new Koa<{ user: string }, { requestId: string }>();
    expectTypeOf(redirects([{ from: '/a', to: '/b' }])).toEqualTypeOf<Middleware>();
    app.use(redirects([{ from: '/a', to: '/b' }], { cache: { permanentMaxAge: 60 } }));
    // @ts-expect-error redirects() takes no guard options
    redirects([], { fallback: '/' });
  });

  it('redirectTo and redirectBack accept a typed context and return the decision', () => {
    const handler = (ctx: ParameterizedContext<{ user: string }, { requestId: string }>) => {
      expectTypeOf(redirectTo(ctx, '/x', { permanent: true })).toEqualTypeOf<RedirectDecision>();
      expectTypeOf(redirectBack(ctx, '/')).toEqualTypeOf<RedirectDecision>();
      // @ts-expect-error the fallback of redirectBack is its second argument
      redirectBack(ctx, '/', { fallback: '/y' });
      // @ts-expect-error an unknown intent field
      redirectTo(ctx, '/x', { permanant: true });
    };
    expectTypeOf(handler).toBeFunction();
  });
});
