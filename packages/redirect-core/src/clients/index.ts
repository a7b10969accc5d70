/**
 * `@org/redirect-core/clients`: one profile per HTTP client (browsers' fetch and navigations,
 * Node.js fetch, follow-redirects, axios, got, curl, RFC 9110), each fact with its source.
 *
 * @packageDocumentation
 */

export { methodRules } from './method-rules';
export { type ClientProfiles, clientProfiles, isClientId } from './profiles';
export {
  type BodyHeaders,
  type ClientFact,
  type ClientId,
  type ClientProfile,
  type CredentialRule,
  clientIds,
  type OriginRule,
  type ProfileStatus,
  type RefererRule,
  type StatusRule,
  type StripOn,
  type ToGet,
  type Verification,
} from './types';
