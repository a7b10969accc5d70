import type { RedirectMap, RedirectSource } from '@org/redirect-core';
import { describe, expectTypeOf, it } from 'vitest';
import type { FileRedirectSource } from './file/index';
import type { RedirectSourceError, RedirectSourceUpdate, RedisRedirectSource } from './index';

describe('live sources', () => {
  it('are RedirectSources that adapters accept', () => {
    expectTypeOf<RedisRedirectSource>().toExtend<RedirectSource>();
    expectTypeOf<FileRedirectSource>().toExtend<RedirectSource>();
    expectTypeOf<RedisRedirectSource['current']>().returns.toEqualTypeOf<RedirectMap>();
  });

  it('type their events', () => {
    const source = {} as RedisRedirectSource;
    source.on('update', (update) => expectTypeOf(update).toEqualTypeOf<RedirectSourceUpdate>());
    source.on('error', (error) => {
      expectTypeOf(error).toEqualTypeOf<RedirectSourceError>();
      expectTypeOf(error.kind).toEqualTypeOf<'connection' | 'missing' | 'snapshot' | 'file'>();
    });
  });
});
