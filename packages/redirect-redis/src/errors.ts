import type { Finding } from '@org/redirect-core';

/** What went wrong in a live redirect source. */
export type RedirectSourceErrorKind =
  /** Redis cannot be reached (at start-up, or a connection lost while serving). */
  | 'connection'
  /** Nothing is published under the key yet. */
  | 'missing'
  /** A published snapshot is malformed, fails its hash, or holds rules that do not compile. */
  | 'snapshot'
  /** A local file (a watched map or the fallback) cannot be read, parsed or compiled. */
  | 'file';

/**
 * An error of a live redirect source. While serving, the source keeps its last good map and
 * reports this through `source.on('error')` and its subscribers; at start-up it is thrown.
 */
export class RedirectSourceError extends Error {
  override readonly name = 'RedirectSourceError';
  constructor(
    readonly kind: RedirectSourceErrorKind,
    message: string,
    options?: { cause?: unknown; version?: string | undefined },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.version = options?.version;
  }
  /** The version (or file hash) that failed to load, when known. */
  readonly version: string | undefined;
}

/** A publish or rollback that was refused: analysis errors, an unknown version, bad options. */
export class RedirectPublishError extends Error {
  override readonly name = 'RedirectPublishError';
  constructor(
    message: string,
    /** The analysis findings of severity `error` that refused the publish, if that was why. */
    readonly findings: readonly Finding[] = [],
  ) {
    super(message);
  }
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
