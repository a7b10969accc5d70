import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startDocsInBrowser } from './browser';

const docs = startDocsInBrowser();

async function simulate(page: Page, status: string): Promise<void> {
  await page.goto(`${docs.origin}/simulator`, { waitUntil: 'networkidle' });
  await page.getByLabel('Method', { exact: true }).selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill('https://shop.example/checkout');
  await page.getByLabel('Body', { exact: true }).fill('item=42');
  await page.getByLabel('Hop 1 status', { exact: true }).selectOption(status);
  await page.getByLabel('Hop 1 Location', { exact: true }).fill('/thanks');
}

describe('simulator (nextRequest in the browser)', () => {
  it('POST + 302: browsers send GET and drop the body', async () => {
    const { page, errors } = await docs.page();
    await simulate(page, '302');
    const hop = page.getByTestId('fetch-hop-1');
    await expect(hop.getAttribute('data-kind')).resolves.toBe('follow');
    await expect(page.getByTestId('fetch-hop-1-method').textContent()).resolves.toBe('GET');
    await expect(page.getByTestId('fetch-hop-1-body').textContent()).resolves.toBe('(none)');
    await expect(hop.locator('[data-kind="method-rewritten"]').count()).resolves.toBe(1);
    await expect(hop.locator('[data-kind="body-dropped"]').count()).resolves.toBe(1);
    await expect(hop.textContent()).resolves.toContain('https://shop.example/thanks');
    // got keeps POST on 302 by default: the families differ side by side.
    await expect(page.getByTestId('got-hop-1-method').textContent()).resolves.toBe('POST');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('POST + 307: the method and the body are kept', async () => {
    const { page, errors } = await docs.page();
    await simulate(page, '307');
    await expect(page.getByTestId('fetch-hop-1-method').textContent()).resolves.toBe('POST');
    await expect(page.getByTestId('fetch-hop-1-body').textContent()).resolves.toBe('item=42');
    await expect(
      page.getByTestId('fetch-hop-1').locator('[data-kind="method-rewritten"]').count(),
    ).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows a chain hop by hop, and drops Authorization on an origin change', async () => {
    const { page, errors } = await docs.page();
    await simulate(page, '307');
    await page.getByRole('button', { name: 'Add a hop' }).click();
    await page.getByLabel('Hop 2 status', { exact: true }).selectOption('308');
    await page.getByLabel('Hop 2 Location', { exact: true }).fill('https://other.example/done');
    const second = page.getByTestId('fetch-hop-2');
    await expect(second.getAttribute('data-kind')).resolves.toBe('follow');
    await expect(page.getByTestId('fetch-hop-2-method').textContent()).resolves.toBe('POST');
    await expect(second.locator('[data-kind="header-removed"]').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/authorization/i)]),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a 304 is not followed', async () => {
    const { page } = await docs.page();
    await simulate(page, '304');
    await expect(page.getByTestId('fetch-hop-1').getAttribute('data-kind')).resolves.toBe('return');
    await page.context().close();
  });
});
