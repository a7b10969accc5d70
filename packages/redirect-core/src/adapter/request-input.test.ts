import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/match';
import { RequestInput } from './request-input';

describe('RequestInput', () => {
  const holder = (headers: Record<string, string>) => {
    let reads = 0;
    return {
      get headers() {
        reads++;
        return headers;
      },
      get reads() {
        return reads;
      },
    };
  };

  it('does not read the headers for a map without conditions', () => {
    const map = createRedirectMap([{ from: '/old', to: '/new' }]);
    const request = holder({ host: 'shop.test' });
    expect(map.match(new RequestInput('/old', 'GET', request))?.location).toBe('/new');
    expect(map.match(new RequestInput('/other', 'GET', request))).toBeNull();
    expect(request.reads).toBe(0);
  });

  it('reads them when a rule needs the Host header', () => {
    const map = createRedirectMap([{ from: '/a', to: 'https://new.test/a', host: 'old.test' }]);
    const old = holder({ host: 'old.test' });
    expect(map.match(new RequestInput('/a', 'GET', old))?.location).toBe('https://new.test/a');
    expect(old.reads).toBeGreaterThan(0);
    expect(map.match(new RequestInput('/a', 'GET', holder({ host: 'other.test' })))).toBeNull();
  });
});
