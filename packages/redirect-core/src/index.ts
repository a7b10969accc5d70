/**
 * `@org/redirect-core`: HTTP redirect semantics as typed data, and the functions built on them.
 *
 * @packageDocumentation
 */

export * from './adapter/index';
export * from './clients/index';
export * from './formats/index';
export * from './guard/index';
export * from './headers/index';
export * from './map/index';
export * from './next-request/index';
export * from './source/index';
export * from './sources/index';
export * from './status/index';
export { statusEntrySchema, statusTableJsonSchema, statusTableSchema } from './status/schema';
