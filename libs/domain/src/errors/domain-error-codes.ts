/**
 * Every code a DomainError may carry, grouped by how a client should react. Adding a code here
 * forces the API's error catalogue (apps/api) to give it a status and messages: the mapping is a
 * Record over this union, so a missing entry does not compile.
 */
export const DOMAIN_ERROR_CODES = [
  // Input that breaks a rule: the client should correct the named field.
  'VALIDATION_FAILED',
  // Authentication and authorisation.
  'UNAUTHENTICATED',
  'FORBIDDEN',
  // Something named does not exist (or the caller may not know it exists).
  'NOT_FOUND',
  // The state of the world forbids the operation now.
  'CONFLICT',
  'RATE_LIMITED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
