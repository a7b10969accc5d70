/**
 * `@org/redirect-core/sources`: the documents every fact of this package cites (`sources`),
 * keyed by the `SourceId` that `redirectStatuses`, `clientProfiles`, `nextRequest`'s changes and
 * the guard's answers carry. An entry of its own, so that a bundle holds the titles and URLs
 * only when it shows them.
 *
 * @packageDocumentation
 */

export { type SourceId, sources } from './sources';
