/**
 * @civic-elements/contract — TypeScript view of the REST contract.
 *
 * - `paths`, `components`, `operations`: generated from `openapi.yaml` (citizen API v1, what a
 *   town's vendor implements).
 * - `staffPaths`, `staffComponents`, `staffOperations`: generated from `staff.yaml` (our server
 *   and the simulator only).
 * - One friendly alias per schema (`Service`, `Slot`, `Case`, `Ticket`, `CallNextRequest`, …).
 * - `PROBLEM_CODES` / `ProblemCode` / `PROBLEM_STATUS`: the one list of error codes.
 * - `isIdnEmail` (the `idn-email` format of the `Email` schema; `addIdnEmailFormat(ajv)` teaches
 *   it to Ajv), `asciiDomainForm`, `emailKey`.
 *
 * Browser-safe: types, plain constants and pure functions only, no Node imports. The YAML is the
 * source of truth; regenerate the types with `npm run generate -w @civic-elements/contract`.
 */
import type { components } from './generated/openapi.js';

export type { paths, components, operations } from './generated/openapi.js';
export type {
  paths as staffPaths,
  components as staffComponents,
  operations as staffOperations,
} from './generated/staff.js';
export type * from './generated/aliases.js';

export { IDN_EMAIL_FORMAT, EMAIL_LIMITS, isIdnEmail, asciiDomainForm, emailKey, addIdnEmailFormat } from './email.js';

type SchemaProblemCode = components['schemas']['ProblemCode'];

/**
 * Every `code` a problem document (RFC 9457 `application/problem+json`) can carry, in the order
 * of the `ProblemCode` enum in openapi.yaml. A test checks that both lists are equal.
 */
export const PROBLEM_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'proof_invalid',
  'not_found',
  'case_not_found',
  'hold_not_found',
  'hold_expired',
  'hold_extension_limit',
  'slot_taken',
  'too_late',
  'conversation_ended',
  'closed',
  'full',
  'conflict',
  'idempotency_in_progress',
  'booking_limit_reached',
  'idempotency_mismatch',
  'attachment_rejected',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'unavailable',
] as const satisfies readonly SchemaProblemCode[];

/** A problem `code`. Identical to `components['schemas']['ProblemCode']`. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * The HTTP status each problem code is sent with (`x-civic-problem-codes` in openapi.yaml).
 * `satisfies Record<…>` makes the compiler reject a missing or unknown code.
 */
export const PROBLEM_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  proof_invalid: 403,
  not_found: 404,
  case_not_found: 404,
  hold_not_found: 404,
  hold_expired: 409,
  hold_extension_limit: 409,
  slot_taken: 409,
  too_late: 409,
  conversation_ended: 409,
  closed: 409,
  full: 409,
  conflict: 409,
  idempotency_in_progress: 409,
  booking_limit_reached: 422,
  idempotency_mismatch: 422,
  attachment_rejected: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<SchemaProblemCode, number>;

const CODES: ReadonlySet<string> = new Set(PROBLEM_CODES);

/** True when `value` is one of the documented problem codes. */
export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && CODES.has(value);
}

/** Media type of every error response. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Header names of the contract, as sent on the wire. */
export const HEADERS = {
  acceptLanguage: 'Accept-Language',
  ags: 'X-Civic-AGS',
  idempotencyKey: 'Idempotency-Key',
  idempotentReplayed: 'Idempotent-Replayed',
  lastEventId: 'Last-Event-ID',
  retryAfter: 'Retry-After',
  staffKey: 'X-Staff-Key',
} as const;
