import { EventEmitter } from 'node:events';
import type {
  RedirectMap,
  RedirectSource,
  RedirectSourceEvent,
  RedirectSourceListener,
} from '@org/redirect-core';
import type { RedirectSourceError } from './errors';

/** What a live source's `update` event carries. */
export interface RedirectSourceUpdate {
  readonly map: RedirectMap;
  readonly version: string | undefined;
  /** The version replaced, or `undefined` for the first map. */
  readonly previous: string | undefined;
}

/** The events of a live source (Node `EventEmitter` typing). */
export interface LiveSourceEvents {
  update: [update: RedirectSourceUpdate];
  error: [error: RedirectSourceError];
}

/**
 * The part every live source shares: one map reference swapped whole, subscribers, and
 * `update` / `error` events. A failed update never touches the map in use.
 */
export abstract class LiveSource extends EventEmitter<LiveSourceEvents> implements RedirectSource {
  #map: RedirectMap;
  #version: string | undefined;
  readonly #listeners = new Set<RedirectSourceListener>();

  protected constructor(map: RedirectMap, version: string | undefined) {
    super();
    this.#map = map;
    this.#version = version;
  }

  /** The compiled map in use now: one field read, never throws. */
  current(): RedirectMap {
    return this.#map;
  }

  /** The version of the map in use. */
  get version(): string | undefined {
    return this.#version;
  }

  /** Calls `listener` after each swap and each failed update; returns the unsubscribe function. */
  subscribe(listener: RedirectSourceListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Puts `map` in use: requests that already hold the old map finish on it. */
  protected swap(map: RedirectMap, version: string | undefined): void {
    const previous = this.#version;
    this.#map = map;
    this.#version = version;
    this.#notify({ kind: 'update', map, version });
    this.emit('update', { map, version, previous });
  }

  /** Reports a failed update; the map in use stays. */
  protected fail(error: RedirectSourceError): void {
    this.#notify({ kind: 'error', error, version: error.version });
    if (this.listenerCount('error') > 0) this.emit('error', error);
    else if (this.#listeners.size === 0) process.emitWarning(error);
  }

  #notify(event: RedirectSourceEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // A subscriber's bug must not stop the swap or the other subscribers.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
