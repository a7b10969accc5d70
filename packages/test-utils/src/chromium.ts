// Debian's Chromium for the browser tests (`npx playwright install` does not work here).
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Launch options for playwright-core's `chromium.launch()`: Debian's Chromium, headless, with
 * nothing of its own on the network (no QUIC, updates, sync or background fetches) so a test
 * sees only the requests it makes. Throws with the install command when Chromium is missing.
 *
 * @param who - who needs it, named in that error.
 */
export function chromiumLaunchOptions(who: string): {
  executablePath: string;
  args: string[];
} {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${who} needs Chromium at ${chromiumPath}. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  return {
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
