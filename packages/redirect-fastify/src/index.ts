/**
 * `@org/redirect-fastify`: a Fastify 5 plugin for redirect maps and intent-based redirects,
 * built on `@org/redirect-core`.
 *
 * @packageDocumentation
 */

import { redirects } from './plugin';

export { type RedirectsPluginOptions, redirects } from './plugin';
export default redirects;
