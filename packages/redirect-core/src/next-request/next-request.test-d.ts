import { describe, expectTypeOf, it } from 'vitest';
import type { ClientId } from '../clients/types';
import type { SourceId } from '../status/sources';
import type { StatusCode } from '../status/status';
import { nextRequest } from './next-request';
import type {
  Change,
  NextRequestErrorCode,
  NextRequestOptions,
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
      // A client other than fetch may follow 300, 304, 305 or 306 too.
      expectTypeOf(result.status).toEqualTypeOf<StatusCode>();
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
    nextRequest(request, { status: 302, headers: { location: ['/x'] } }, { client: 'got' });
    // @ts-expect-error: not a redirect mode
    nextRequest(request, { status: 302, headers: {} }, { redirect: 'auto' });
    // @ts-expect-error: not a client id
    nextRequest(request, { status: 302, headers: {} }, { client: 'wget' });
    // @ts-expect-error: methodRewrite was replaced by client
    nextRequest(request, { status: 302, headers: {} }, { methodRewrite: 'got' });
    expectTypeOf<NonNullable<NextRequestOptions['client']>>().toEqualTypeOf<ClientId>();
    expectTypeOf<Change['kind']>().toExtend<string>();
  });
});
