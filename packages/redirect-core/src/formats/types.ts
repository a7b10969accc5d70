import type { RedirectMapOptions, RedirectRule, RuleOrigin } from '../map/types';

/**
 * The redirect file formats {@link parseRedirects} reads and {@link serializeRedirects} writes:
 * Netlify `_redirects` and `netlify.toml`, `vercel.json`, Next.js `redirects()` (JSON), CSV,
 * redirect-core's JSON, and nginx (written only).
 */
export type RedirectFormat =
  | 'netlify'
  | 'netlify-toml'
  | 'vercel'
  | 'next'
  | 'csv'
  | 'json'
  | 'nginx';

/** The formats {@link parseRedirects} reads: every format but the export-only `nginx`. */
export type ParseableFormat = Exclude<RedirectFormat, 'nginx'>;

/** Options of {@link parseRedirects}. */
export interface ParseOptions {
  /** The file name, shown in errors and kept in each rule's origin. */
  readonly file?: string;
  /**
   * Skip the rules a redirect map cannot express (a Netlify `200` rewrite, a Vercel `cookie`
   * condition...) and list each in `warnings` with its line, instead of throwing. A file that
   * cannot be read at all (invalid JSON, a CSV without header) still throws.
   * @default false
   */
  readonly skipInvalid?: boolean;
}

/** How the host of a format compares paths: spread into `createRedirectMap`'s options. */
export type HostMapOptions = Pick<RedirectMapOptions, 'caseSensitive' | 'trailingSlash'>;

/** The rules read from a redirect file, with the line of each. */
export interface ParsedRedirects {
  readonly rules: RedirectRule[];
  /** `origins[i]` is the line rule `i` came from; pass it to `createRedirectMap`. */
  readonly origins: RuleOrigin[];
  /**
   * The host's matching semantics (case, trailing slash): `createRedirectMap(rules, { origins,
   * ...options })` then answers as the host does. Always set by `parseRedirects`.
   */
  readonly options?: HostMapOptions;
  /** What was read but means something slightly different here (one sentence each). */
  readonly warnings: string[];
}

/** A serialized redirect file, and what it could not say. */
export interface SerializedRedirects {
  readonly text: string;
  /** One sentence per rule (or feature) the format cannot express; empty when nothing was lost. */
  readonly lost: string[];
}
