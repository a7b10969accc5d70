/**
 * `@org/redirect-redis/file`: a redirect map read from a file and reloaded when it changes, for
 * one machine. The same {@link RedirectSource} interface as the Redis source.
 *
 * @packageDocumentation
 */

export { RedirectSourceError, type RedirectSourceErrorKind } from '../errors';
export type { LiveSourceEvents, RedirectSourceUpdate } from '../live-source';
export {
  createFileRedirectSource,
  FileRedirectSource,
  type FileRedirectSourceOptions,
} from './file-source';
export { type LoadedFile, loadRedirectFile } from './load';
