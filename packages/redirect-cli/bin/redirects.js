#!/usr/bin/env node
// The `redirects` command. This file is committed (not built), so npm links the command when the
// package is installed, even in a fresh clone before the first build; it runs the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);

if (existsSync(fileURLToPath(cli))) {
  await import(cli.href);
} else {
  process.stderr.write(
    `@org/redirect-cli: ${fileURLToPath(cli)} does not exist yet. Build it first: run npm run build (in the repository root).\n`,
  );
  process.exitCode = 1;
}
