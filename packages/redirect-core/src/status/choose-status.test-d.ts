import { describe, expectTypeOf, it } from 'vitest';
import { chooseStatus, type RedirectIntent } from './choose-status';
import type { RedirectStatus, StatusCode } from './status';

describe('types derived from the table', () => {
  it('RedirectStatus is exactly the codes fetch follows', () => {
    expectTypeOf<RedirectStatus>().toEqualTypeOf<301 | 302 | 303 | 307 | 308>();
    expectTypeOf<StatusCode>().toEqualTypeOf<300 | 301 | 302 | 303 | 304 | 305 | 306 | 307 | 308>();
  });

  it('chooseStatus narrows for literal intents', () => {
    expectTypeOf(chooseStatus({ permanent: true })).toEqualTypeOf<308>();
    expectTypeOf(chooseStatus({ permanent: true, preserveMethod: false })).toEqualTypeOf<301>();
    expectTypeOf(chooseStatus({ permanent: true, legacyClients: true })).toEqualTypeOf<301>();
    expectTypeOf(chooseStatus({ permanent: false })).toEqualTypeOf<307>();
    expectTypeOf(chooseStatus({ permanent: false, preserveMethod: false })).toEqualTypeOf<303>();
    expectTypeOf(chooseStatus({ permanent: false, legacyClients: true })).toEqualTypeOf<302>();
    expectTypeOf(chooseStatus()).toEqualTypeOf<307>();
  });

  it('falls back to the union for intents known only at run time', () => {
    const intent: RedirectIntent = {};
    expectTypeOf(chooseStatus(intent)).toEqualTypeOf<RedirectStatus>();
    const flag = Math.random() > 0.5;
    expectTypeOf(chooseStatus({ permanent: true, legacyClients: flag })).toEqualTypeOf<301 | 308>();
  });
});
