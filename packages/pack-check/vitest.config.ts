import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

export default mergeConfig(
  shared,
  defineConfig({ test: { testTimeout: 600_000, hookTimeout: 600_000 } }),
);
