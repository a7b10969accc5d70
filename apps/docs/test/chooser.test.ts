import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startDocsInBrowser } from './browser';

const docs = startDocsInBrowser();

async function answer(page: Page, labels: readonly string[]): Promise<string | null> {
  await page.goto(`${docs.origin}/chooser`, { waitUntil: 'networkidle' });
  for (const label of labels) await page.getByLabel(label, { exact: true }).check();
  return page.getByTestId('answer-code').textContent();
}

describe('chooser', () => {
  it.each([
    [['Yes, the old URL is gone for good', 'Yes, keep the method (POST stays POST)'], '308'],
    [
      ['Yes, the old URL is gone for good', 'No, the client should fetch the target with GET'],
      '301',
    ],
    [['No, it is temporary', 'Yes, keep the method (POST stays POST)'], '307'],
    [['No, it is temporary', 'No, the client should fetch the target with GET'], '303'],
  ] as const)('%j answers %s', async (labels, expected) => {
    const { page, errors } = await docs.page();
    await expect(answer(page, labels)).resolves.toBe(expected);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('"permanent, keep the method" explains 308 and links to its page', async () => {
    const { page } = await docs.page();
    await answer(page, [
      'Yes, the old URL is gone for good',
      'Yes, keep the method (POST stays POST)',
    ]);
    const text = await page.getByTestId('answer').textContent();
    expect(text).toContain('308 Permanent Redirect');
    await page.getByRole('link', { name: /Everything about 308/ }).click();
    await page.waitForURL(`${docs.origin}/status/308`);
    await page.context().close();
  });
});
