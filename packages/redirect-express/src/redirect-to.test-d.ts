import type { RedirectDecision } from '@org/redirect-core';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { describe, expectTypeOf, it } from 'vitest';
import { redirectBack, redirects, redirectTo } from './index';

describe('Express types', () => {
  it('redirects() is a request handler for app.use', () => {
    const app = express();
    expectTypeOf(redirects([{ from: '/a', to: '/b' }])).toEqualTypeOf<RequestHandler>();
    app.use(redirects([{ from: '/a', to: '/b' }], { cache: { permanentMaxAge: 60 } }));
    app.use('/old', redirects([]));
    // @ts-expect-error redirects() takes no guard options
    redirects([], { fallback: '/' });
  });

  it('redirectTo and redirectBack accept typed handlers and return the decision', () => {
    const app = express();
    app.get('/users/:id', (req, res) => {
      expectTypeOf(
        redirectTo(res, `/u/${req.params.id}`, { permanent: true }),
      ).toEqualTypeOf<RedirectDecision>();
      expectTypeOf(redirectBack(req, res, '/')).toEqualTypeOf<RedirectDecision>();
      // @ts-expect-error the fallback of redirectBack is its third argument
      redirectBack(req, res, '/', { fallback: '/y' });
      // @ts-expect-error an unknown intent field
      redirectTo(res, '/x', { permanant: true });
    });
    expectTypeOf(redirectBack).parameters.toEqualTypeOf<
      [Request, Response, string, Parameters<typeof redirectBack>[3]?]
    >();
  });
});
