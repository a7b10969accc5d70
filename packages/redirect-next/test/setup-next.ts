import { AsyncLocalStorage } from 'node:async_hooks';

// Next.js's server modules expect the global that its own runtimes install before loading
// them (`next/server`, `next/experimental/testing/server` throw an invariant without it).
globalThis.AsyncLocalStorage ??= AsyncLocalStorage;
