import { createRedirectMap, type RedirectMap, type RedirectSource } from '@org/redirect-core';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { createRedirectProxy } from './proxy';

describe('createRedirectProxy(source)', () => {
  it('answers from the map the source holds when each request arrives', () => {
    const mapFor = (tag: string) =>
      createRedirectMap([{ from: '/old', to: `/${tag}`, status: 301 }]);
    let map: RedirectMap = mapFor('v1');
    const source: RedirectSource = { current: () => map };
    const proxy = createRedirectProxy(source, { allowedHosts: ['site.test'] });
    const location = () => proxy(new NextRequest('https://site.test/old'))?.headers.get('location');
    expect(location()).toBe('https://site.test/v1');
    map = mapFor('v2');
    expect(location()).toBe('https://site.test/v2');
    expect(proxy(new NextRequest('https://site.test/other'))).toBeUndefined();
  });

  it('refuses what is neither rules, a map nor a source', () => {
    expect(() => createRedirectProxy({ current: 'no' } as never)).toThrow(/or a redirect source/);
  });
});
