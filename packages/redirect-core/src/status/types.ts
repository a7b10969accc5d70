import { type ClientId, clientIds } from '../clients/types';
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
 * - `post-cross-origin`: POST becomes GET when the Location is of another origin (got 15);
 * - `not-followed`: the client does not follow this code automatically.
 */
export type MethodRewrite =
  | 'none'
  | 'post'
  | 'post-optional'
  | 'all-but-get-head'
  | 'post-cross-origin'
  | 'not-followed';

/** How one client treats the request method and body after a code. */
export interface MethodRule {
  readonly rewrite: MethodRewrite;
  /** Whether a HEAD request stays HEAD (`null` when the code is not followed). */
  readonly headKept: boolean | null;
  /**
   * What happens to a request body: `kept` with the method, `dropped-on-rewrite` when the
   * method becomes GET, `dropped` always (the method stays: `curl -X`), `dropped-cross-origin`
   * on a move to another origin (got 15).
   */
  readonly body:
    | 'kept'
    | 'dropped-on-rewrite'
    | 'dropped'
    | 'dropped-cross-origin'
    | 'not-followed';
  readonly source: SourceId;
  readonly note?: string;
}

/**
 * The clients whose redirect behaviour differs, one per client profile (`clientProfiles`):
 * `fetch`, `undici`, `navigation`, `follow-redirects`, `axios`, `got`, `got-15`, `curl`,
 * `curl-x`, `rfc`.
 */
export const clientFamilies = clientIds;

/** One of {@link clientFamilies}: a client id. */
export type ClientFamily = ClientId;

/** Human names for {@link clientFamilies}, for tables and CLI output. */
export const clientFamilyNames = {
  fetch: 'fetch() in browsers',
  undici: 'Node.js fetch (undici)',
  navigation: 'Browser navigation / form',
  'follow-redirects': 'follow-redirects',
  axios: 'axios (Node.js)',
  got: 'got 14',
  'got-15': 'got 15+',
  curl: 'curl -L',
  'curl-x': 'curl -L -X METHOD',
  rfc: 'RFC 9110',
} as const satisfies Record<ClientFamily, string>;

/** The search-engine reading of a code. */
export interface SearchSignal {
  /** `strong`: the target becomes canonical; `weak`: the source usually stays indexed. */
  readonly canonical: 'strong' | 'weak' | 'none';
  /**
   * Whether the search engine takes the code as a strong signal that the target is canonical
   * (Google: permanent redirects are a strong canonical signal, temporary ones a weak one).
   */
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
