import type { RedirectMap } from '../map/types';

/**
 * What a {@link RedirectSource} tells its subscribers: a new map is in use, or an update failed
 * and the previous map stays in use.
 */
export type RedirectSourceEvent =
  | {
      readonly kind: 'update';
      /** The map now returned by `current()`. */
      readonly map: RedirectMap;
      readonly version?: string | undefined;
    }
  | {
      readonly kind: 'error';
      readonly error: unknown;
      /** The version that failed to load, when known. */
      readonly version?: string | undefined;
    };

/** A function {@link RedirectSource.subscribe} calls for each event. */
export type RedirectSourceListener = (event: RedirectSourceEvent) => void;

/**
 * A redirect map that can change while the app runs: a file watched on one machine, a map
 * published to Redis for a fleet, an edge store. Adapters accept a source wherever they accept
 * rules or a map, and call `current()` once per request, so a source swaps maps by replacing
 * one reference: a request in flight finishes on the map it started with.
 *
 * `current()` must be cheap (return a field) and must never throw.
 *
 * @example
 * ```ts
 * const source: RedirectSource = staticRedirectSource([{ from: '/old', to: '/new', permanent: true }]);
 * source.current().match({ url: '/old' });
 * ```
 */
export interface RedirectSource {
  /** The compiled map in use now. */
  current(): RedirectMap;
  /** An identifier of the map in use (a published version, a file hash), when the source has one. */
  readonly version?: string | undefined;
  /** Calls `listener` on each swap and each failed update; returns the unsubscribe function. */
  subscribe?(listener: RedirectSourceListener): () => void;
}
