// Debian's Chromium, one browser per suite: `fetch()` from a page, top-level navigations and
// form POSTs.
import { chromiumLaunchOptions } from '@org/test-utils/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Cell } from './matrix';

/** Debian's Chromium, headless. Fails loudly with the install command when it is missing. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions('@org/client-conformance: the conformance suite'));
}

/** The page a cell runs from: on the cell's first origin, so the first request is same-origin. */
export function pageUrl(cell: Pick<Cell, 'from'>): string {
  return `${cell.from}/page`;
}

export interface FetchCell {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Runs `fetch()` for every cell inside `page` at once; each settles whatever happens. */
export async function fetchInPage(page: Page, list: readonly FetchCell[]): Promise<void> {
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

/**
 * A top-level navigation from a page on `cell.from`: a link-like `location.href` for GET, a
 * submitted form (urlencoded, field x=1) for POST. Settles when the navigation has committed or
 * failed, and gives the URL of the page it started from (the referrer). A page already on that
 * origin is used as it is, which saves a page load per cell.
 */
export async function navigate(
  page: Page,
  cell: Pick<Cell, 'from' | 'url' | 'method'>,
): Promise<string> {
  // A navigation still settling (a slow machine) interrupts the next goto: try again, bounded.
  for (let attempt = 0; !page.url().startsWith(`${cell.from}/`); attempt++) {
    const loaded = await page
      .goto(pageUrl(cell), { waitUntil: 'load' })
      .then(() => true)
      .catch((error: unknown) => {
        if (attempt >= 3) throw error;
        return false;
      });
    if (loaded) break;
  }
  const referrer = page.url();
  const done = page.waitForNavigation({ waitUntil: 'load', timeout: 30_000 }).catch(() => null);
  await page.evaluate(
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
  );
  await done;
  return referrer;
}
