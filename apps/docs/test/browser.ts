import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@org/test-utils/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type DocsServer, startDocs } from './server';

/** Screenshots go here (gitignored); look at them to judge the design. */
export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

/** Debian's Chromium, headless. Fails loudly with the install command when it is missing. */
export async function launchChromium(): Promise<Browser> {
  const options = chromiumLaunchOptions('@org/docs: the browser tests');
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch(options);
}

/** A page that records console errors and uncaught exceptions. */
export async function trackedPage(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return { page, errors };
}

/** Saves a full-page screenshot as test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The built docs app and Chromium, as a test file sees them once its `beforeAll` has run. */
export interface DocsInBrowser {
  /** The app's origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** A fresh page in its own context that records errors (see {@link trackedPage}). */
  page(options?: { colorScheme?: 'light' | 'dark' }): Promise<{ page: Page; errors: string[] }>;
}

/** Starts the built app and Chromium before the calling test file's tests, stops both after. */
export function startDocsInBrowser(): DocsInBrowser {
  let server: DocsServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDocs();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) {
      throw new Error(
        '@org/docs: the app and browser are not started. Call startDocsInBrowser() at the top of the test file and use it inside tests.',
      );
    }
    return { server, browser };
  };
  return {
    get origin() {
      return started().server.origin;
    },
    page: (options) => trackedPage(started().browser, options),
  };
}
