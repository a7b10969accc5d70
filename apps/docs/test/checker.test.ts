import { describe, expect, it } from 'vitest';
import { startDocsInBrowser } from './browser';

const docs = startDocsInBrowser();

describe('redirect map checker (analyzeRedirects in the browser)', () => {
  it('finds the loop and the chain in pasted _redirects rules', async () => {
    const { page, errors } = await docs.page();
    await page.goto(`${docs.origin}/checker`, { waitUntil: 'networkidle' });
    await page.getByLabel(/^Rules/).fill('/a /b 301\n/b /a 301\n/old /mid 301\n/mid /new 301\n');
    const result = page.getByTestId('checker-result');
    await expect(result.locator('[data-kind="loop"]').count()).resolves.toBeGreaterThan(0);
    await expect(result.locator('[data-kind="chain"]').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names the line of a rule it cannot read', async () => {
    const { page } = await docs.page();
    await page.goto(`${docs.origin}/checker`, { waitUntil: 'networkidle' });
    await page.getByLabel('Format').selectOption('csv');
    await page.getByLabel(/^Rules/).fill('from,to,status\n/old,/new,301\n/bad,/x,200\n');
    await expect(page.getByTestId('checker-result').textContent()).resolves.toMatch(/Line 3/);
    await page.context().close();
  });
});
