// The API client: the only code of the library that talks to the network.
export {
  ApiClient,
  abortableSleep,
  clientFor,
  newIdempotencyKey,
  parseRetryAfter,
  type ApiClientOptions,
  type BaseRequestOptions,
  type DownloadOptions,
  type HttpMethod,
  type QueryValue,
  type RequestOptions,
  type Sleep,
  type StreamOptions,
} from './client.js';
export type { UploadProgress } from './xhr.js';
export {
  CivicApiError,
  isAbortError,
  refusedPointers,
  type CivicApiErrorInit,
  type ClientErrorCode,
  type Problem,
} from './errors.js';
export * as c from './check.js';
export { CheckError, type Check, type Infer, type ObjectOf, type Optional } from './check.js';
