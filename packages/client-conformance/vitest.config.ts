import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared';

// The files mostly wait on other processes (browsers, curl, servers), so they run side by side.
export default mergeConfig(shared, defineConfig({ test: { maxWorkers: 4, hookTimeout: 150_000 } }));
