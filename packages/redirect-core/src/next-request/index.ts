/**
 * `@org/redirect-core/next-request`: `nextRequest()`: the request a user agent sends after a redirect, per the Fetch standard.
 *
 * @packageDocumentation
 */

export { nextRequest } from './next-request';
export { referrerPolicies } from './referrer';
export type * from './types';
