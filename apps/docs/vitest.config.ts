import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

// Browser tests start `next start` and drive Chromium: give them room.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ['lib/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  }),
);
