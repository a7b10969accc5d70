import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ParseableFormat, RedirectMapOptions } from '@org/redirect-core';
import { messageOf, RedirectSourceError } from '../errors';
import { LiveSource } from '../live-source';
import { type LoadedFile, loadRedirectFile } from './load';

/** Options of {@link createFileRedirectSource}. */
export interface FileRedirectSourceOptions {
  /** The redirect file: `_redirects`, `vercel.json` / Next.js redirects JSON, CSV or our JSON. */
  readonly file: string;
  /** The file's format. @default detected from the name and content */
  readonly format?: ParseableFormat;
  /** Options of the compiled map (`base`, `cache`, `caseSensitive`, `trailingSlash`). */
  readonly mapOptions?: Omit<RedirectMapOptions, 'origins'>;
  /** Milliseconds to wait after a change before reading, so a save in several writes is read once. @default 50 */
  readonly debounceMs?: number;
}

/**
 * A {@link RedirectSource} of a file that reloads when the file changes. Every change is read,
 * parsed and compiled beside the map in use, then swapped in as one reference; a change that
 * fails keeps the last good map and is reported (`error` event, subscribers).
 */
export class FileRedirectSource extends LiveSource {
  readonly #file: string;
  readonly #options: FileRedirectSourceOptions;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  #failed: string | undefined;
  #loading: Promise<void> | undefined;
  #again = false;

  /** @internal Use {@link createFileRedirectSource}. */
  constructor(loaded: LoadedFile, options: FileRedirectSourceOptions) {
    super(loaded.map, loaded.version);
    this.#file = resolve(options.file);
    this.#options = options;
    // The folder is watched, not the file: editors save by writing a new file and renaming it.
    this.#watcher = watch(dirname(this.#file), (_event, name) => {
      if (name === null || name.toString() === basename(this.#file)) this.#schedule();
    });
    this.#watcher.on('error', (error) =>
      this.fail(
        new RedirectSourceError(
          'file',
          `@org/redirect-redis: watching ${this.#file} failed: ${messageOf(error)}`,
          {
            cause: error,
          },
        ),
      ),
    );
  }

  /** Reads the file now (the watcher calls this); resolves when the map in use is up to date. */
  reload(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = (async () => {
      do {
        this.#again = false;
        await this.#load();
      } while (this.#again);
    })().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** Stops watching. The map in use stays available. */
  close(): void {
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.reload(), this.#options.debounceMs ?? 50);
    this.#timer.unref();
  }

  async #load(): Promise<void> {
    try {
      const loaded = await loadRedirectFile(this.#file, this.#options);
      if (loaded.version === this.version) return;
      this.#failed = undefined;
      this.swap(loaded.map, loaded.version);
    } catch (error) {
      const failure = error as RedirectSourceError;
      // One report per bad content, not one per watcher event.
      if (failure.version !== undefined && failure.version === this.#failed) return;
      this.#failed = failure.version;
      this.fail(failure);
    }
  }
}

/**
 * Loads a redirect file and watches it: the source for one machine. Start-up fails on a file
 * that cannot be read or compiled; later changes swap atomically or keep the last good map.
 *
 * @throws `RedirectSourceError` of kind `file` at start-up.
 * @example
 * ```ts
 * import { createFileRedirectSource } from '@org/redirect-redis/file';
 *
 * const source = await createFileRedirectSource({ file: 'public/_redirects' });
 * source.on('error', (error) => console.error(error.message));
 * app.use(redirects(source));
 * ```
 */
export async function createFileRedirectSource(
  options: FileRedirectSourceOptions,
): Promise<FileRedirectSource> {
  return new FileRedirectSource(await loadRedirectFile(options.file, options), options);
}
