import { describe, expect, it } from 'vitest';
import { screenshot, startDocsInBrowser } from './browser';
import { pagePaths } from './paths';

const docs = startDocsInBrowser();

describe('every page', () => {
  it.each(pagePaths)('%s renders with no console errors', async (path) => {
    const { page, errors } = await docs.page();
    const response = await page.goto(docs.origin + path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('screenshots', () => {
  const shots = [
    ['/', 'home', 'light'],
    ['/status/301', 'status-301', 'light'],
    ['/status/308', 'status-308-dark', 'dark'],
    ['/matrix', 'matrix', 'light'],
    ['/chooser', 'chooser-dark', 'dark'],
    ['/simulator', 'simulator', 'light'],
    ['/checker', 'checker', 'light'],
    ['/reference', 'reference', 'light'],
  ] as const;

  it.each(shots)('%s as %s', async (path, name, colorScheme) => {
    const { page, errors } = await docs.page({ colorScheme });
    await page.goto(docs.origin + path, { waitUntil: 'networkidle' });
    await screenshot(page, name);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('search box', () => {
  it('finds a code and an API export, and Enter opens the first result', async () => {
    const { page, errors } = await docs.page();
    await page.goto(`${docs.origin}/`, { waitUntil: 'networkidle' });
    const search = page.getByRole('searchbox', { name: 'Search codes and APIs' });
    await search.fill('chooseStatus');
    await expect(page.locator('.search-results a').first().textContent()).resolves.toContain(
      'chooseStatus',
    );
    await search.fill('308');
    await search.press('Enter');
    await page.waitForURL(`${docs.origin}/status/308`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Permanent Redirect');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('deep links', () => {
  it('every section heading of a status page has an id and a link to it', async () => {
    const { page } = await docs.page();
    await page.goto(`${docs.origin}/status/307#methods`, { waitUntil: 'networkidle' });
    const anchors = await page
      .locator('h2 > a.anchor')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(anchors).toEqual(
      expect.arrayContaining(['#summary', '#methods', '#caching', '#send', '#sources']),
    );
    await page.context().close();
  });
});
