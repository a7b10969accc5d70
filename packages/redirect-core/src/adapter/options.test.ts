import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/match';
import {
  adapterOptionsSchema,
  mapAdapterOptionsSchema,
  parseAdapterOptions,
  RedirectOptionsError,
} from './options';

const parse = <S extends typeof adapterOptionsSchema | typeof mapAdapterOptionsSchema>(
  schema: S,
  input: unknown,
) => parseAdapterOptions('@org/x', schema, input);

describe('parseAdapterOptions', () => {
  it('accepts valid options and no options', () => {
    expect(parse(adapterOptionsSchema, undefined)).toEqual({});
    const onRedirect = () => {};
    expect(
      parse(adapterOptionsSchema, {
        onRedirect,
        base: 'https://shop.test',
        allowedOrigins: ['https://pay.test'],
        fallback: '/',
        cache: { permanentMaxAge: 60, temporary: 'no-store' },
      }),
    ).toMatchObject({ onRedirect, base: 'https://shop.test' });
    expect(parse(mapAdapterOptionsSchema, { rules: [] })).toEqual({
      rules: [],
      precedence: 'rules',
    });
    const withMap = { map: createRedirectMap([]) };
    expect(parseAdapterOptions('@org/x', mapAdapterOptionsSchema, withMap).precedence).toBe(
      'rules',
    );
  });

  it.each([
    [{ base: 'shop.test' }, 'base', /must be an absolute http\(s\) URL/],
    [{ base: 'ftp://shop.test' }, 'base', /http\(s\)/],
    [{ fallback: '//evil.test' }, 'fallback', /single "\/"/],
    [{ fallback: '/x\r\n' }, 'fallback', /control/],
    [{ cache: { permanentMaxAge: 1.5 } }, 'cache.permanentMaxAge', /./],
    [{ cache: { nope: 1 } }, 'cache.nope', /not a known option/],
    [{ onRedirect: 1 }, 'onRedirect', /must be a function/],
    [{ tpyo: 1 }, 'tpyo', /not a known option/],
    [{ allowedOrigins: 'https://x.test' }, 'allowedOrigins', /./],
  ])('rejects %j naming %s', (input, field, message) => {
    try {
      parse(adapterOptionsSchema, input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RedirectOptionsError);
      expect((error as RedirectOptionsError).field).toBe(field);
      expect((error as Error).message).toMatch(new RegExp(`^@org/x: option "${field}" `));
      expect((error as Error).message).toMatch(message);
    }
  });

  it.each([
    [{ rules: {} }, 'rules'],
    [{ map: [] }, 'map'],
    [{ rules: [], map: createRedirectMap([]) }, 'rules'],
    [{ rules: [], precedence: 'first' }, 'precedence'],
  ])('rejects map options %j naming %s', (input, field) => {
    expect(() => parse(mapAdapterOptionsSchema, input)).toThrow(`option "${field}"`);
  });
});
