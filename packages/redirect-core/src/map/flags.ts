/** Flag bits per compiled rule (one byte each, in a `Uint8Array`). */

/** The rule has a `host`, `query` or `methods` condition. */
export const CONDITIONAL = 1;
/** Set when a static rule is compiled with `preserveQuery: false`. */
export const DROPS_QUERY = 2;
/** Set when a compiled rule's `to` has a query or fragment: its template is kept for merging. */
export const MERGES = 4;
