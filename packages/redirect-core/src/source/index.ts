/**
 * `@org/redirect-core/source`: the {@link RedirectSource} interface that adapters accept for maps
 * that change while the app runs (a watched file, Redis, an edge store), and a static source.
 *
 * @packageDocumentation
 */

export { isRedirectSource } from './is-source';
export { staticRedirectSource } from './static-source';
export type { RedirectSource, RedirectSourceEvent, RedirectSourceListener } from './types';
