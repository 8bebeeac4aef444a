/**
 * `fetch` cannot report how much of a request body has been sent; XMLHttpRequest can. This is a
 * fetch-shaped transport over XMLHttpRequest for uploads that show progress, so `ApiClient` keeps
 * one code path for origins, timeouts, retries and problem documents whichever transport runs.
 * It behaves like the client's `fetch` call: no credentials, a redirect is a network error (it
 * could lead to another origin), an abort rejects with the signal's reason, a network failure
 * rejects with a TypeError.
 */

/** `loaded` of `total` request-body bytes have been sent. */
export type UploadProgress = (loaded: number, total: number) => void;

function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

/** Sends `init` to `url` with XMLHttpRequest, reporting upload progress; resolves with a `Response`. */
export function xhrFetch(url: URL, init: RequestInit, onProgress: UploadProgress): Promise<Response> {
  return new Promise((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    xhr.open(init.method ?? 'GET', url.href);
    xhr.withCredentials = false;
    xhr.responseType = 'blob';
    new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const settle = () => signal?.removeEventListener('abort', abort);
    // `load` too: a body sent in one go may end without a `progress` event.
    xhr.upload.onprogress = xhr.upload.onload = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      settle();
      // XMLHttpRequest follows redirects silently: a different final URL is refused like fetch's redirect: 'error'.
      if (xhr.responseURL && xhr.responseURL !== url.href) return reject(new TypeError('redirected'));
      const body = [101, 204, 205, 304].includes(xhr.status) ? null : (xhr.response as Blob);
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr) }));
    };
    xhr.onerror = xhr.ontimeout = () => {
      settle();
      reject(new TypeError('network'));
    };
    xhr.onabort = () => {
      settle();
      reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    };
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}
