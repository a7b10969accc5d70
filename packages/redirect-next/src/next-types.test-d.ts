import type { Redirect } from 'next/dist/lib/load-custom-routes';
import type { NextProxy, NextRequest } from 'next/server';
import { expectTypeOf, it } from 'vitest';
import type { NextRedirect, ProxyRequest } from './next-types';
import type { RedirectProxy } from './proxy';

// The structural copies stay assignable to the real Next.js types.
it('produces entries next.config accepts', () => {
  expectTypeOf<NextRedirect>().toExtend<Redirect>();
});

it('accepts a NextRequest and returns what a proxy may return', () => {
  expectTypeOf<NextRequest>().toExtend<ProxyRequest>();
  expectTypeOf<ReturnType<RedirectProxy>>().toExtend<Response | undefined>();
  expectTypeOf<RedirectProxy>().toExtend<NextProxy>();
});
