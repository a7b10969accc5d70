import type { SourceId } from './sources';

/** A value together with the document it comes from. */
export interface Fact<T> {
  readonly value: T;
  readonly source: SourceId;
  /** One line of context, where the value alone could mislead. */
  readonly note?: string;
}

/**
 * What a 3xx code is: a redirect to another URI, a list of choices, a cache answer, or a code
 * that is deprecated or unused.
 */
export type StatusKind = 'redirect' | 'multiple-choices' | 'not-modified' | 'deprecated' | 'unused';

/** Whether a code means the move is permanent. `n/a` for codes that do not move anything. */
export type Permanence = 'yes' | 'no' | 'n/a';

/**
 * Which request methods a client sends as GET after this code:
 * - `none`: the method is kept;
 * - `post`: POST becomes GET, every other method is kept;
 * - `post-optional`: the client MAY turn POST into GET (RFC 9110 leaves it open);
 * - `all-but-get-head`: every method other than GET and HEAD becomes GET;
 * - `not-followed`: the client does not follow this code automatically.
 */
export type MethodRewrite = 'none' | 'post' | 'post-optional' | 'all-but-get-head' | 'not-followed';

/** How one client family treats the request method and body after a code. */
export interface MethodRule {
  readonly rewrite: MethodRewrite;
  /** Whether a HEAD request stays HEAD (`null` when the code is not followed). */
  readonly headKept: boolean | null;
  /** What happens to a request body: kept when the method is kept, dropped when it becomes GET. */
  readonly body: 'kept' | 'dropped-on-rewrite' | 'not-followed';
  readonly source: SourceId;
  readonly note?: string;
}

/**
 * The client families whose redirect behaviour differs:
 * `rfc` (RFC 9110 text), `fetch` (WHATWG Fetch and browsers), `undici` (Node.js fetch),
 * `followRedirects` (follow-redirects, used by axios in Node.js), `got`, `curl` (`curl -L`).
 */
export const clientFamilies = ['rfc', 'fetch', 'undici', 'followRedirects', 'got', 'curl'] as const;

/** One of {@link clientFamilies}. */
export type ClientFamily = (typeof clientFamilies)[number];

/** Human names for {@link clientFamilies}, for tables and CLI output. */
export const clientFamilyNames = {
  rfc: 'RFC 9110',
  fetch: 'Fetch standard / browsers',
  undici: 'Node.js fetch (undici)',
  followRedirects: 'follow-redirects / axios',
  got: 'got',
  curl: 'curl -L',
} as const satisfies Record<ClientFamily, string>;

/** The search-engine reading of a code. */
export interface SearchSignal {
  /** `strong`: the target becomes canonical; `weak`: the source usually stays indexed. */
  readonly canonical: 'strong' | 'weak' | 'none';
  /** Whether ranking signals (link equity) are consolidated on the target. */
  readonly consolidatesOnTarget: boolean;
  readonly source: SourceId;
  readonly note?: string;
}

/** First browser versions that understand a code, where that matters. */
export interface BrowserSupport {
  readonly chrome: string;
  readonly edge: string;
  readonly firefox: string;
  readonly safari: string;
  readonly opera: string;
  readonly ie: string;
}

/** A specification reference. */
export interface SpecRef {
  readonly name: string;
  readonly source: SourceId;
}

/** The shape every row of the status table satisfies. */
export interface StatusEntry {
  readonly code: number;
  readonly reason: string;
  readonly kind: StatusKind;
  readonly followedByFetch: Fact<boolean>;
  readonly permanent: Fact<Permanence>;
  readonly methods: { readonly [F in ClientFamily]: MethodRule };
  readonly cache: {
    /** Heuristically cacheable without explicit freshness (`null`: not a cacheable answer). */
    readonly heuristic: Fact<boolean | null>;
    /** How browsers treat the code with no Cache-Control. */
    readonly browsers: Fact<string>;
  };
  readonly search: SearchSignal;
  readonly support: {
    readonly browsers: Fact<BrowserSupport | 'all'> | null;
    readonly caveats: readonly Fact<string>[];
  };
  readonly spec: { readonly introducedIn: SpecRef; readonly definedIn: SpecRef };
  readonly useWhen: string;
  readonly avoidWhen: string;
  readonly mistakes: readonly string[];
}
