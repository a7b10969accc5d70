import { describe, expect, it } from 'vitest';
import { sources } from '../status/sources';
import { redirectStatuses } from '../status/status';
import { methodRules } from './method-rules';
import { clientProfiles, isClientId } from './profiles';
import { clientIds } from './types';

const codes = [300, 301, 302, 303, 304, 305, 306, 307, 308] as const;

describe('client profiles', () => {
  it('has one profile per client id, keyed by its id', () => {
    expect(Object.keys(clientProfiles)).toEqual([...clientIds]);
    for (const id of clientIds) expect(clientProfiles[id].id).toBe(id);
    expect(isClientId('axios')).toBe(true);
    expect(isClientId('followRedirects')).toBe(false);
    expect(isClientId('__proto__')).toBe(false);
  });

  it('names a known source for every fact', () => {
    const seen: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'source') seen.push(inner as string);
          else walk(inner);
        }
      }
    };
    walk(clientProfiles);
    expect(seen.length).toBeGreaterThan(150);
    for (const id of seen) expect(Object.keys(sources)).toContain(id);
  });

  it('is what the status table says per client (the table is derived from it)', () => {
    for (const code of codes) {
      expect(redirectStatuses[code].methods).toEqual(methodRules(code));
    }
  });

  // The limits the conformance suite proves with chains of each length and one more.
  it.each([
    ['fetch', 20],
    ['undici', 20],
    ['navigation', 19],
    ['follow-redirects', 21],
    ['axios', 21],
    ['got', 10],
    ['got-15', 10],
    ['curl', 50],
    ['curl-x', 50],
  ] as const)('%s follows %i redirects', (id, limit) => {
    expect(clientProfiles[id].maxRedirects.value).toBe(limit);
  });

  it('marks what the suite proves and what is read from a source only', () => {
    const documented = clientIds.filter((id) => clientProfiles[id].verified.by === 'documented');
    expect(documented).toEqual(['got-15', 'rfc']);
  });

  it('no client follows a 3xx without a Location', () => {
    for (const id of clientIds) expect(clientProfiles[id].withoutLocation.value).toBe('return');
  });

  it('records which clients follow 300, 304, 305 and 306', () => {
    const follows = (code: 300 | 304 | 305 | 306) =>
      clientIds.filter((id) => clientProfiles[id].statuses[code].follows);
    expect(follows(300)).toEqual(['follow-redirects', 'axios', 'got', 'curl', 'curl-x']);
    expect(follows(304)).toEqual(['follow-redirects', 'axios', 'got', 'curl', 'curl-x']);
    expect(follows(305)).toEqual(['follow-redirects', 'axios', 'curl', 'curl-x']);
    expect(follows(306)).toEqual(['follow-redirects', 'axios', 'curl', 'curl-x']);
  });
});
