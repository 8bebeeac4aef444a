import type { Strings } from '../strings.js';
import type de from './de.js';

/** Shared texts of every widget (namespace `core`), English. Same keys as `de.ts`. */
const en: typeof de = {
  retry: 'Try again',
  close: 'Close',
  cancel: 'Cancel',
  loading: 'Loading …',
  errors: {
    network: 'No connection to the server. Please check your internet connection and try again.',
    timeout: 'The server did not answer in time. Please try again.',
    malformed_response: 'The server sent an unexpected answer. Please try again later.',
    schema_mismatch: 'The server’s answer does not match this version. Please try again later.',
    rate_limited: 'Too many requests in a short time. Please wait a moment and try again.',
    rate_limited_seconds_one: 'Too many requests in a short time. Please try again in {{count}} second.',
    rate_limited_seconds_other: 'Too many requests in a short time. Please try again in {{count}} seconds.',
    unavailable: 'The service is not available right now. Please try again later.',
    internal: 'Something went wrong on the server. Please try again later.',
    not_found: 'The entry was not found.',
    unauthorized: 'Your session has expired or the details do not match. Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    conflict: 'The data has changed in the meantime. Please reload and try again.',
    validation_failed: 'Please check your details.',
    not_configured: 'This service is not set up correctly on this page. Please contact the town administration.',
    unknown: 'Something unexpected went wrong. Please try again later.',
  },
} satisfies Strings;

export default en;
