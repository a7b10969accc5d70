import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expectTypeOf, it } from 'vitest';
import { redirectBack, redirects, redirectTo, withRedirects } from './index';

describe('Hono types', () => {
  it('redirects() is middleware for any app', () => {
    const app = new Hono<{ Bindings: { KV: string }; Variables: { user: string } }>();
    expectTypeOf(redirects([{ from: '/a', to: '/b' }])).toEqualTypeOf<MiddlewareHandler>();
    app.use('*', redirects([{ from: '/a', to: '/b' }], { cache: { permanentMaxAge: 60 } }));
    app.use(redirects([]));
    // @ts-expect-error redirects() takes no guard options
    redirects([], { fallback: '/' });
  });

  it('withRedirects(app) takes the arguments of app.fetch', () => {
    const app = new Hono<{ Bindings: { KV: string } }>();
    const handler = withRedirects(app, [{ from: '/a', to: '/b' }]);
    expectTypeOf(handler).parameters.toEqualTypeOf<Parameters<typeof app.fetch>>();
    expectTypeOf(handler).returns.toEqualTypeOf<Response | Promise<Response>>();
    // @ts-expect-error withRedirects() takes no guard options
    withRedirects(app, [], { fallback: '/' });
  });

  it('redirectTo and redirectBack accept a typed context and return a Response', () => {
    const app = new Hono<{ Bindings: { KV: string } }>();
    app.get('/users/:id', (c) => {
      expectTypeOf(redirectBack(c, '/')).toEqualTypeOf<Response>();
      // @ts-expect-error the fallback of redirectBack is its second argument
      redirectBack(c, '/', { fallback: '/y' });
      // @ts-expect-error an unknown intent field
      redirectTo(c, '/x', { permanant: true });
      return redirectTo(c, `/u/${c.req.param('id')}`, { permanent: true });
    });
  });
});
