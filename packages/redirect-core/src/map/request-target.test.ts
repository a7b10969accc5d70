import { describe, expect, it } from 'vitest';
import { originForm } from './request-target';

describe('originForm', () => {
  it.each([
    ['https://shop.test/a?x=1#f', { target: '/a?x=1#f', host: 'shop.test' }],
    ['HTTPS://Shop.TEST:8443/A', { target: '/A', host: 'Shop.TEST:8443' }],
    ['Http://user@Shop.test?q', { target: '/?q', host: 'Shop.test' }],
    ['http://a:b@shop.test#top', { target: '/#top', host: 'shop.test' }],
    ['http://shop.test\\evil', { target: '/\\evil', host: 'shop.test' }],
    ['http://ÉCOLE.test/x', { target: '/x', host: 'ÉCOLE.test' }],
    ['http://127.0.0.1:3000/hello', { target: '/hello', host: '127.0.0.1:3000' }],
    ['http://shop.test', { target: '/', host: 'shop.test' }],
  ])('reads %s', (url, parts) => {
    expect(originForm(url)).toEqual(parts);
  });

  it.each([
    '/a/b',
    'ftp://shop.test/a',
    'httpx://shop.test/',
    'https:/shop.test/',
    'http:shop',
    'shop.test/a',
    '',
  ])('refuses %s', (url) => {
    expect(originForm(url)).toBeNull();
  });
});
