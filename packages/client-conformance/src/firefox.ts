// Debian's Firefox ESR, driven through WebDriver BiDi by puppeteer-core: fetch() from a page,
// top-level navigations and form POSTs.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { pageUrl } from './chromium';
import type { Cell } from './matrix';

export const firefoxPath = '/usr/bin/firefox-esr';

/** Firefox ESR, headless. Fails loudly with the install command when it is missing. */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(firefoxPath)) {
    throw new Error(
      `@org/client-conformance: the conformance suite needs Firefox ESR at ${firefoxPath}. Install it with: apt-get update && apt-get install -y firefox-esr`,
    );
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    protocol: 'webDriverBiDi',
    timeout: 120_000,
  });
}

/** Runs `fetch()` for every cell inside `page` at once; each settles whatever happens. */
export async function fetchInFirefox(
  page: Page,
  list: readonly { url: string; method: string; headers: Record<string, string>; body?: string }[],
): Promise<void> {
  await page.evaluate(async (items) => {
    await Promise.all(
      items.map((item) =>
        fetch(item.url, { method: item.method, headers: item.headers, body: item.body })
          .then((response) => response.arrayBuffer())
          .catch(() => undefined),
      ),
    );
  }, list);
}

/** As the Chromium `navigate`: a GET navigation or a form POST from a page on `cell.from`. */
export async function navigateFirefox(
  page: Page,
  cell: Pick<Cell, 'from' | 'url' | 'method'>,
): Promise<string> {
  if (!page.url().startsWith(`${cell.from}/`))
    await page.goto(pageUrl(cell), { waitUntil: 'load' });
  const referrer = page.url();
  const done = page.waitForNavigation({ waitUntil: 'load', timeout: 15_000 }).catch(() => null);
  await page
    .evaluate(
      ({ url, method }) => {
        if (method === 'GET') {
          location.href = url;
          return;
        }
        const form = document.createElement('form');
        form.method = 'post';
        form.action = url;
        const input = document.createElement('input');
        input.name = 'x';
        input.value = '1';
        form.append(input);
        document.body.append(form);
        form.submit();
      },
      { url: cell.url, method: cell.method },
    )
    .catch(() => undefined);
  await done;
  return referrer;
}
