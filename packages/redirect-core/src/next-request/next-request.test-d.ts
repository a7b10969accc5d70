import { describe, expectTypeOf, it } from 'vitest';
import type { SourceId } from '../status/sources';
import type { RedirectStatus } from '../status/status';
import { nextRequest } from './next-request';
import type {
  Change,
  NextRequestErrorCode,
  NextRequestResult,
  RedirectRequest,
  ReturnReason,
} from './types';

describe('nextRequest types', () => {
  it('returns the result union, narrowed by kind', () => {
    const result = nextRequest(
      { method: 'GET', url: 'https://a.example/' },
      { status: 301, headers: {} },
    );
    expectTypeOf(result).toEqualTypeOf<NextRequestResult>();
    if (result.kind === 'follow') {
      expectTypeOf(result.status).toEqualTypeOf<RedirectStatus>();
      expectTypeOf(result.request.headers).toEqualTypeOf<Record<string, string>>();
      expectTypeOf(result.request.redirectCount).toEqualTypeOf<number>();
      expectTypeOf(result.changes).toEqualTypeOf<Change[]>();
      // A follow result's request can be passed straight back in.
      expectTypeOf(result.request).toExtend<RedirectRequest>();
    }
    if (result.kind === 'return') expectTypeOf(result.reason).toEqualTypeOf<ReturnReason>();
    if (result.kind === 'error') {
      expectTypeOf(result.code).toEqualTypeOf<NextRequestErrorCode>();
      expectTypeOf(result.source).toEqualTypeOf<SourceId>();
    }
  });

  it('accepts Headers, pairs and records, and checks option values', () => {
    const request = { method: 'POST', url: 'https://a.example/' };
    nextRequest(request, { status: 302, headers: new Headers() });
    nextRequest(request, { status: 302, headers: [['location', '/x']] });
    nextRequest(request, { status: 302, headers: { location: ['/x'] } }, { methodRewrite: 'got' });
    // @ts-expect-error: not a redirect mode
    nextRequest(request, { status: 302, headers: {} }, { redirect: 'auto' });
    // @ts-expect-error: not a client family
    nextRequest(request, { status: 302, headers: {} }, { methodRewrite: 'wget' });
    expectTypeOf<Change['kind']>().toExtend<string>();
  });
});
