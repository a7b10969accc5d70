import { describe, expectTypeOf, it } from 'vitest';
import type * as status from '../status/index';
import { type SourceId, sources } from './index';

describe('sources types', () => {
  it('keys the table by SourceId, the id /status carries', () => {
    expectTypeOf<keyof typeof sources>().toEqualTypeOf<SourceId>();
    expectTypeOf<status.SourceId>().toEqualTypeOf<SourceId>();
    expectTypeOf(sources['rfc9110-15.4.2'].url).toBeString();
  });

  it('is not a member of /status any more', () => {
    expectTypeOf<typeof status>().not.toHaveProperty('sources');
  });
});
