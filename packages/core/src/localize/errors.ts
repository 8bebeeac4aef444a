import type { Translate } from './localize-controller.js';

/** HTTP statuses the API client reports as `http_<status>` when no problem code came along. */
const BY_STATUS: Record<string, string> = {
  '401': 'unauthorized',
  '403': 'forbidden',
  '404': 'not_found',
  '409': 'conflict',
  '422': 'validation_failed',
  '429': 'rate_limited',
  '502': 'unavailable',
  '503': 'unavailable',
  '504': 'timeout',
};

/**
 * A localised, citizen-facing message for an error (usually a `CivicApiError`), chosen by its
 * stable `code` alone: never its stack, `message`, `detail` or any text from the server. A widget
 * adds messages for its own codes as `errors.<code>` in its namespace; unknown codes get
 * `errors.unknown`. `rate_limited` with `retryAfterSeconds` says how long to wait.
 *
 * @example html`<p role="alert">${errorMessage(this.localize.t, error)}</p>`
 */
export function errorMessage(t: Translate, error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; retryAfterSeconds?: unknown };
  let code = typeof e.code === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(e.code) && !(e.code in Object.prototype) ? e.code : 'unknown';
  const status = /^http_(\d{3})$/.exec(code)?.[1];
  if (status) code = BY_STATUS[status] ?? (status.startsWith('5') ? 'internal' : 'unknown');
  if (code === 'origin_refused') code = 'not_configured';
  const wait = e.retryAfterSeconds;
  if (code === 'rate_limited' && typeof wait === 'number' && wait > 0 && wait < 86_400) {
    return t('errors.rate_limited_seconds', { count: Math.ceil(wait) });
  }
  return t(`errors.${code}`, { defaultValue: t('errors.unknown') });
}
