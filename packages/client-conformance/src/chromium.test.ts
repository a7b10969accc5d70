// Chromium: fetch() from a page, top-level navigations and form POSTs, every cell against
// nextRequest's prediction, one browser for the whole file.
import { clientProfiles } from '@org/redirect-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchInPage, launchChromium, navigate, pageUrl } from './chromium';
import { chain, predictedRequests } from './limits';
import { allMethods, type Cell, cells, compare, parallel, requestFor } from './matrix';
import { type ConformanceServer, startServer } from './server';

let server: ConformanceServer;
let browser: Browser;
let context: BrowserContext;
let version: string;
beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext();
  version = browser.version();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// A page may set these; Cookie and Proxy-Authorization are the browser's own.
const pageHeaders = ['authorization', 'content-type'];

describe('fetch()', () => {
  it("every cell matches nextRequest(..., { client: 'fetch' })", async () => {
    const list = cells('fetch', server.ports, allMethods);
    const byPage = new Map<string, Cell[]>();
    for (const cell of list) byPage.set(cell.from, [...(byPage.get(cell.from) ?? []), cell]);
    for (const [from, group] of byPage) {
      const page = await context.newPage();
      await page.goto(pageUrl({ from }));
      await fetchInPage(
        page,
        group.map((cell) => ({
          url: cell.url,
          method: cell.method,
          ...requestFor(cell.method, pageHeaders),
        })),
      );
      await page.close();
    }
    const { checked, mismatches } = compare(server, list, 'fetch', pageUrl);
    console.info(
      `Chromium ${version} fetch(): ${checked - mismatches.length}/${checked} cells match`,
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(4 * 6 * 9);
  }, 120_000);

  it('follows exactly as many redirects as the profile says', async () => {
    const limit = clientProfiles.fetch.maxRedirects.value;
    const origin = `http://127.0.0.1:${server.ports[0]}`;
    const page = await context.newPage();
    await page.goto(pageUrl({ from: origin }));
    for (const length of [limit, limit + 1]) {
      const { id, url } = chain(origin, length);
      await fetchInPage(page, [{ url, method: 'GET', headers: {} }]);
      expect(server.seen(id).length, `chain of ${length}`).toBe(
        predictedRequests('fetch', url, length),
      );
    }
    await page.close();
  });
});

describe('navigation and form POST', () => {
  it("every cell matches nextRequest(..., { client: 'navigation' })", async () => {
    const list = cells('navigation', server.ports, ['GET', 'POST']);
    const pages = await Promise.all(Array.from({ length: 6 }, () => context.newPage()));
    const referrers = new Map<string, string>();
    let next = 0;
    await parallel(pages, pages.length, async (page) => {
      while (next < list.length) {
        const cell = list[next++]!;
        referrers.set(cell.id, await navigate(page, cell));
      }
      await page.close();
    });
    const { checked, mismatches } = compare(server, list, 'navigation', (cell) => {
      return referrers.get(cell.id) ?? pageUrl(cell);
    });
    console.info(
      `Chromium ${version} navigation: ${checked - mismatches.length}/${checked} cells match`,
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(4 * 2 * 9);
  }, 180_000);

  it('follows exactly as many redirects as the profile says', async () => {
    const limit = clientProfiles.navigation.maxRedirects.value;
    const origin = `http://127.0.0.1:${server.ports[0]}`;
    const page = await context.newPage();
    for (const length of [limit, limit + 1]) {
      const { id, url } = chain(origin, length);
      await page.goto(url).catch(() => null);
      expect(server.seen(id).length, `chain of ${length}`).toBe(
        predictedRequests('navigation', url, length),
      );
    }
    await page.close();
  }, 60_000);
});

// redirectTopics['manual-redirect']: an opaque redirect, status 0, no Location.
it("fetch(url, { redirect: 'manual' }) gives an opaque redirect without a Location", async () => {
  const origin = `http://127.0.0.1:${server.ports[0]}`;
  const page = await context.newPage();
  await page.goto(pageUrl({ from: origin }));
  const url = `${origin}/r/manual/302?to=${encodeURIComponent(`${origin}/land/manual`)}`;
  const seen = await page.evaluate(async (target) => {
    const response = await fetch(target, { redirect: 'manual' });
    return {
      type: response.type,
      status: response.status,
      location: response.headers.get('location'),
    };
  }, url);
  expect(seen).toEqual({ type: 'opaqueredirect', status: 0, location: null });
  await page.close();
});

it('the Chromium the profiles name is the one installed here (major version)', () => {
  expect(version.split('.')[0]).toBe(clientProfiles.fetch.verified.version);
  expect(version.split('.')[0]).toBe(clientProfiles.navigation.verified.version);
});
