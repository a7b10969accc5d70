import { describe, expect, it } from 'vitest';
import { createRedirectMap } from '../map/index';
import { RedirectOptionsError } from './options';
import { prepareRedirects } from './prepare-redirects';

const pkg = '@org/redirect-test';
const rules = [{ from: '/old', to: '/new', status: 301 as const }];

describe('prepareRedirects', () => {
  it('compiles rules once, with cache and base', () => {
    const { source } = prepareRedirects(pkg, rules, { base: 'https://site.test' });
    expect(source.current()).toBe(source.current());
    const answer = source.current().match({ url: '/old' });
    expect(answer?.kind === 'redirect' && answer.location).toBe('https://site.test/new');
  });

  it('keeps a map and the hook as given', () => {
    const map = createRedirectMap(rules);
    const onRedirect = () => {};
    const prepared = prepareRedirects(pkg, map, { onRedirect });
    expect(prepared.source.current()).toBe(map);
    expect(prepared.onRedirect).toBe(onRedirect);
  });

  it.each([
    ['rulesOrMap', 'rules', {}],
    ['base', rules, { base: 'ftp://x.test' }],
    ['onRedirect', rules, { onRedirect: 'log' }],
    ['fallbak', rules, { fallbak: '/' }],
  ])('refuses a bad %s with an error naming it and the adapter', (field, input, options) => {
    const error = (() => {
      try {
        prepareRedirects(pkg, input, options as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RedirectOptionsError);
    expect((error as RedirectOptionsError).field).toBe(field);
    expect((error as Error).message).toMatch(new RegExp(`^${pkg}: .*"${field}"`));
  });
});
