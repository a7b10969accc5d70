import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests read workspace packages from their TypeScript source (the `@org/source` export
// condition), so no build is needed between an edit and a test run.
export default defineConfig({
  resolve: { conditions: ['@org/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@org/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: CI has 2 cores, and suites drive real servers, browsers and clients.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
