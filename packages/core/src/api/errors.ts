/** An RFC 9457 problem document as the contract sends it; extension members are kept. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  [member: string]: unknown;
}

/**
 * Codes the client itself assigns. Every other `code` comes from the server's problem document
 * (the contract's documented list), or is `http_<status>` when an error arrived without one.
 *
 * - `network`: no response (offline, DNS, CORS refused, connection reset, redirect refused).
 * - `timeout`: no complete response within `timeoutMs`.
 * - `aborted`: the caller's AbortSignal fired. Such errors also have `name === 'AbortError'`;
 *   UI code ignores them (see {@link isAbortError}).
 * - `malformed_response`: a success response that is not the JSON (or event stream) expected.
 * - `schema_mismatch`: JSON that breaks the expected shape; `detail` names the failing path.
 * - `rate_limited`: HTTP 429 without a problem code; see `retryAfterSeconds`.
 * - `origin_refused`: an absolute URL to another origin than `apiBase`'s (never sent).
 * - `not_configured`: no usable `api-base` (never sent).
 */
export type ClientErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'malformed_response'
  | 'schema_mismatch'
  | 'rate_limited'
  | 'origin_refused'
  | 'not_configured'
  | `http_${number}`;

export interface CivicApiErrorInit {
  /** HTTP method of the failed request. */
  method: string;
  /** Path template or pathname (never a query, body or token). */
  path: string;
  status?: number;
  retryable?: boolean;
  retryAfterSeconds?: number;
  problem?: Problem;
  detail?: string;
}

/**
 * The one error type of the API client. Its `message` holds only the method, the path template and
 * the code: never a body, token, query value or other personal data, so it is safe to show in a
 * developer console or an error report.
 */
export class CivicApiError extends Error {
  /** Stable code: a contract problem code or a {@link ClientErrorCode}. */
  declare readonly code: ClientErrorCode | (string & {});
  /** HTTP status, when a response arrived. */
  declare readonly status?: number;
  /**
   * True when the same request may succeed later and is safe to repeat (a transient failure of an
   * idempotent request): a UI may offer "try again". Automatic retries already happened.
   */
  declare readonly retryable: boolean;
  /** From `Retry-After` (seconds or HTTP date), e.g. for "try again in N s". */
  declare readonly retryAfterSeconds?: number;
  /** The server's problem document, extension members included (may hold text for the citizen). */
  declare readonly problem?: Problem;
  /** Developer-facing detail, e.g. the failing path of a schema mismatch. Never response values. */
  declare readonly detail?: string;
  declare readonly method: string;
  declare readonly path: string;

  constructor(code: ClientErrorCode | (string & {}), init: CivicApiErrorInit) {
    super(
      `${init.method} ${init.path} failed: ${code}${init.status ? ` (HTTP ${init.status})` : ''}`,
    );
    Object.assign(this, { retryable: false, ...init, code });
    this.name = code === 'aborted' ? 'AbortError' : 'CivicApiError';
  }
}

/** True for cancellations (ours, a DOMException or @lit/task's), which UI code should ignore. */
export const isAbortError = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/**
 * The body fields a `400 validation_failed` names (its `errors[].pointer` for `in: body`, e.g.
 * `/contact/email`): a form marks those fields instead of showing a general message. Empty for any
 * other error, and for a problem that names no field.
 */
export function refusedPointers(error: unknown): string[] {
  if (!(error instanceof CivicApiError) || error.code !== 'validation_failed') return [];
  const errors = error.problem?.['errors'];
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e: { in?: unknown; pointer?: unknown } | null) => (e?.in === 'body' && typeof e.pointer === 'string' ? [e.pointer] : []));
}
