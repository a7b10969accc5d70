import { describe, expect, it } from 'vitest';
import { redirectTopics } from './beyond-3xx';
import { sources } from './sources';

describe('redirect topics beyond the 3xx codes', () => {
  it('covers meta refresh, JavaScript, Clear-Site-Data, HSTS and manual redirects', () => {
    expect(Object.keys(redirectTopics)).toEqual([
      'meta-refresh',
      'javascript',
      'clear-site-data',
      'hsts',
      'manual-redirect',
    ]);
  });
  it('names a known source for every fact', () => {
    for (const topic of Object.values(redirectTopics)) {
      expect(topic.facts.length).toBeGreaterThan(0);
      for (const fact of topic.facts) expect(Object.keys(sources)).toContain(fact.source);
    }
  });
  it('says Clear-Site-Data does not reach shared caches', () => {
    expect(redirectTopics['clear-site-data'].facts[1]?.value).toMatch(
      /does not reach shared caches/,
    );
  });
});
