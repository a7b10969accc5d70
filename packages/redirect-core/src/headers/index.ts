/**
 * `@org/redirect-core/headers`: Header access that works on `Headers`, records and raw pairs alike.
 *
 * @packageDocumentation
 */

export { type HeadersLike, headerList, headerValues } from './headers';
