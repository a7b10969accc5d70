import { describe, expectTypeOf, it } from 'vitest';
import type { RedirectMap } from '../map/types';
import { isRedirectSource, type RedirectSource, type RedirectSourceEvent } from './index';

describe('RedirectSource types', () => {
  it('narrows with isRedirectSource and keeps subscribe optional', () => {
    const value: unknown = null;
    if (isRedirectSource(value)) {
      expectTypeOf(value.current()).toEqualTypeOf<RedirectMap>();
      expectTypeOf(value.subscribe).toEqualTypeOf<RedirectSource['subscribe']>();
    }
  });

  it('discriminates events on kind', () => {
    const event = {} as RedirectSourceEvent;
    if (event.kind === 'update') expectTypeOf(event.map).toEqualTypeOf<RedirectMap>();
    else expectTypeOf(event.error).toBeUnknown();
  });
});
