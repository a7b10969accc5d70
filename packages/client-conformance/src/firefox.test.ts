// Firefox ESR through WebDriver BiDi: fetch() matches the `fetch` profile; navigations and form
// POSTs follow the Fetch standard itself (`{ client: 'fetch', mode: 'navigate' }`): unlike
// Chromium they keep the page's Origin after a cross-origin 307/308 and allow 20 redirects.
import { clientProfiles } from '@org/redirect-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageUrl } from './chromium';
import { fetchInFirefox, launchFirefox, navigateFirefox } from './firefox';
import { chain, predictedRequests } from './limits';
import { allMethods, type Cell, cells, compare, parallel, requestFor } from './matrix';
import { type ConformanceServer, startServer } from './server';

let server: ConformanceServer;
let browser: Browser;
let version: string;
beforeAll(async () => {
  server = await startServer();
  browser = await launchFirefox();
  version = (await browser.version()).replace(/^firefox\//, '');
}, 150_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const navigate = { mode: 'navigate' } as const;

describe('fetch()', () => {
  it("every cell matches nextRequest(..., { client: 'fetch' })", async () => {
    const list = cells('ff-fetch', server.ports, allMethods);
    const byPage = new Map<string, Cell[]>();
    for (const cell of list) byPage.set(cell.from, [...(byPage.get(cell.from) ?? []), cell]);
    for (const [from, group] of byPage) {
      const page = await browser.newPage();
      await page.goto(pageUrl({ from }));
      await fetchInFirefox(
        page,
        group.map((cell) => ({
          url: cell.url,
          method: cell.method,
          ...requestFor(cell.method, ['authorization', 'content-type']),
        })),
      );
      await page.close();
    }
    const { checked, mismatches } = compare(server, list, 'fetch', pageUrl);
    console.info(
      `Firefox ${version} fetch(): ${checked - mismatches.length}/${checked} cells match`,
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(4 * 6 * 9);
  }, 120_000);
});

it('the Firefox the fetch profile names is the one installed here', () => {
  expect(clientProfiles.fetch.verified.also).toContain(`Firefox ${version}`);
});

describe('navigation and form POST', () => {
  it("every cell matches nextRequest(..., { client: 'fetch', mode: 'navigate' })", async () => {
    const list = cells('ff-nav', server.ports, ['GET', 'POST']);
    const pages = await Promise.all(Array.from({ length: 4 }, () => browser.newPage()));
    const referrers = new Map<string, string>();
    let next = 0;
    await parallel(pages, pages.length, async (page) => {
      while (next < list.length) {
        const cell = list[next++]!;
        referrers.set(cell.id, await navigateFirefox(page, cell));
      }
      await page.close();
    });
    const { checked, mismatches } = compare(
      server,
      list,
      'fetch',
      (cell) => referrers.get(cell.id) ?? pageUrl(cell),
      navigate,
    );
    console.info(
      `Firefox ${version} navigation: ${checked - mismatches.length}/${checked} cells match`,
    );
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(4 * 2 * 9);
  }, 180_000);

  it('follows as many redirects as the Fetch standard', async () => {
    const limit = clientProfiles.fetch.maxRedirects.value;
    const origin = `http://127.0.0.1:${server.ports[0]}`;
    const page = await browser.newPage();
    for (const length of [limit, limit + 1]) {
      const { id, url } = chain(origin, length);
      await page.goto(url).catch(() => null);
      expect(server.seen(id).length, `chain of ${length}`).toBe(
        predictedRequests('fetch', url, length, navigate),
      );
    }
    await page.close();
  }, 60_000);
});
