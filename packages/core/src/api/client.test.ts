import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { delay, http, HttpResponse } from 'msw';
import { LitElement, html } from 'lit';
import { Task } from '@lit/task';
import * as c from './check.js';
import {
  abortableSleep,
  ApiClient,
  clientFor,
  newIdempotencyKey,
  parseRetryAfter,
  type ApiClientOptions,
  type Sleep,
} from './client.js';
import { CivicApiError, isAbortError } from './errors.js';

const worker = setupWorker();
before(() =>
  worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' }),
);
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

const API = '/civic-test-api';
const TIMEOUT = 15_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A fake clock: backoff sleeps resolve at once and are recorded; the timeout sleeps (TIMEOUT ms)
 * resolve only when a test calls `fireTimeouts()`, and reject when the attempt ends.
 */
function fakeTime() {
  const delays: number[] = [];
  const timers = new Set<() => void>();
  const sleep: Sleep = (ms, signal) => {
    if (ms !== TIMEOUT) {
      delays.push(ms);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      timers.add(resolve);
      signal?.addEventListener('abort', () => {
        timers.delete(resolve);
        reject(signal.reason);
      });
    });
  };
  const fireTimeouts = () => {
    for (const t of [...timers]) t();
    timers.clear();
  };
  return { delays, sleep, fireTimeouts, pendingTimers: () => timers.size };
}

function setup(options: Partial<ApiClientOptions> = {}) {
  const time = fakeTime();
  const client = new ApiClient({ apiBase: API, sleep: time.sleep, random: () => 1, ...options });
  return { client, ...time };
}

async function failure(promise: Promise<unknown>): Promise<CivicApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(CivicApiError);
    return e as CivicApiError;
  }
  throw new Error('expected the request to fail');
}

const service = c.object({ id: c.string(), name: c.string() });
const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', status, ...body },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );

describe('ApiClient: responses', () => {
  it('resolves with the checked JSON body, extra keys kept', async () => {
    worker.use(http.get(`${API}/v1/services`, () => HttpResponse.json([{ id: 's1', name: 'Pass', fee: 37 }])));
    const { client } = setup();
    const list = await client.request('GET', '/v1/services', { check: c.array(service) });
    expect(list).to.deep.equal([{ id: 's1', name: 'Pass', fee: 37 }]);
  });

  it('maps invalid JSON to malformed_response', async () => {
    worker.use(
      http.get(`${API}/v1/services`, () =>
        new HttpResponse('{"id": "s1", oops', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const err = await failure(setup().client.request('GET', '/v1/services', { check: c.array(service) }));
    expect(err.code).to.equal('malformed_response');
    expect(err.status).to.equal(200);
    expect(err.retryable).to.equal(false);
  });

  it('maps a success body not labelled JSON (a proxy page) to malformed_response, even if it parses', async () => {
    worker.use(
      http.get(`${API}/v1/a`, () => HttpResponse.html('<h1>Wartung</h1>')),
      http.get(`${API}/v1/b`, () => HttpResponse.text('[]')),
    );
    const { client } = setup();
    for (const path of ['/v1/a', '/v1/b']) {
      const err = await failure(client.request('GET', path, { check: c.array(service) }));
      expect(err.code).to.equal('malformed_response');
    }
  });

  it('maps a body that breaks the expected shape to schema_mismatch with the path, not the values', async () => {
    worker.use(
      http.get(`${API}/v1/services`, () =>
        HttpResponse.json([{ id: 's1', name: 'Pass' }, { id: 's2', name: { first: 'Erika Mustermann' } }]),
      ),
    );
    const err = await failure(setup().client.request('GET', '/v1/services', { check: c.array(service) }));
    expect(err.code).to.equal('schema_mismatch');
    expect(err.detail).to.equal('expected string at $[1].name');
    expect(err.message).to.equal('GET /v1/services failed: schema_mismatch (HTTP 200)');
    expect(JSON.stringify(err)).not.to.contain('Erika');
    expect(err.retryable).to.equal(false);
  });

  it('checks an empty (204) body as undefined: an expected body that is missing is a schema_mismatch', async () => {
    worker.use(http.get(`${API}/v1/services`, () => new HttpResponse(null, { status: 204 })));
    const err = await failure(setup().client.request('GET', '/v1/services', { check: c.array(service) }));
    expect(err.code).to.equal('schema_mismatch');
    expect(err.detail).to.equal('expected array at $');
  });

  it('resolves with undefined and ignores the body when no check is given', async () => {
    worker.use(http.delete(`${API}/v1/holds/h1`, () => HttpResponse.json({ deleted: true })));
    expect(await setup().client.request('DELETE', '/v1/holds/h1')).to.equal(undefined);
  });

  it('maps problem+json to its code, status and extension members', async () => {
    worker.use(
      http.post(`${API}/v1/holds`, () =>
        problem(409, {
          title: 'Slot taken',
          code: 'slot_taken',
          detail: 'Der Termin ist vergeben.',
          alternatives: [{ start: '2026-03-02T09:30:00+01:00' }],
        }),
      ),
    );
    const err = await failure(
      setup().client.request('POST', '/v1/holds', { body: { start: 'x' }, idempotencyKey: true, check: c.unknown() }),
    );
    expect(err.code).to.equal('slot_taken');
    expect(err.status).to.equal(409);
    expect(err.problem?.title).to.equal('Slot taken');
    expect(err.problem?.['alternatives']).to.deep.equal([{ start: '2026-03-02T09:30:00+01:00' }]);
    expect(err.retryable).to.equal(false);
    expect(err.message).not.to.contain('vergeben');
  });

  it('falls back to http_<status> for a problem+json without a code and for an unparsable one', async () => {
    worker.use(
      http.get(`${API}/v1/a`, () => problem(404, { title: 'Not found' })),
      http.get(`${API}/v1/b`, () => new HttpResponse('{', { status: 422, headers: { 'Content-Type': 'application/problem+json' } })),
      http.get(`${API}/v1/c`, () => new HttpResponse('"oops"', { status: 400, headers: { 'Content-Type': 'application/problem+json' } })),
    );
    const { client } = setup();
    const a = await failure(client.request('GET', '/v1/a', { check: c.unknown() }));
    expect([a.code, a.problem?.title]).to.deep.equal(['http_404', 'Not found']);
    const b = await failure(client.request('GET', '/v1/b', { check: c.unknown() }));
    expect([b.code, b.problem]).to.deep.equal(['http_422', undefined]);
    const d = await failure(client.request('GET', '/v1/c', { check: c.unknown() }));
    expect([d.code, d.problem]).to.deep.equal(['http_400', undefined]);
  });

  it('maps a non-problem 500 to http_500 without retrying it', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/services`, () => {
        calls++;
        return HttpResponse.text('Internal Server Error: user erika@example.org', { status: 500 });
      }),
    );
    const { client, delays } = setup();
    const err = await failure(client.request('GET', '/v1/services', { check: c.unknown() }));
    expect(err.code).to.equal('http_500');
    expect(err.status).to.equal(500);
    expect(err.problem).to.equal(undefined);
    expect(err.retryable).to.equal(false);
    expect(calls).to.equal(1);
    expect(delays).to.deep.equal([]);
    expect(err.message).not.to.contain('erika');
  });

  it('sends a JSON body with Content-Type and a Blob body as it is', async () => {
    const seen: Array<[string | null, string]> = [];
    worker.use(
      http.post(`${API}/v1/x`, async ({ request }) => {
        seen.push([request.headers.get('content-type'), await request.text()]);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { client } = setup();
    await client.request('POST', '/v1/x', { body: { a: 1 } });
    await client.request('POST', '/v1/x', { body: new Blob(['raw'], { type: 'text/plain' }) });
    expect(seen).to.deep.equal([
      ['application/json', '{"a":1}'],
      ['text/plain', 'raw'],
    ]);
  });
});

describe('ApiClient: retries', () => {
  it('retries a GET on 503 with exponential backoff and jitter, then succeeds', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/services`, () =>
        ++calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json([]),
      ),
    );
    const { client, delays } = setup({ random: () => 1 });
    expect(await client.request('GET', '/v1/services', { check: c.array(service) })).to.deep.equal([]);
    expect(calls).to.equal(3);
    expect(delays).to.deep.equal([500, 1000]);
  });

  it('uses the jitter source for the backoff', async () => {
    worker.use(http.get(`${API}/v1/services`, () => new HttpResponse(null, { status: 503 })));
    const { client, delays } = setup({ random: () => 0 });
    const err = await failure(client.request('GET', '/v1/services', { check: c.unknown() }));
    expect(delays).to.deep.equal([250, 500]);
    expect([err.code, err.retryable]).to.deep.equal(['http_503', true]);
  });

  for (const status of [408, 429, 502, 504]) {
    it(`retries a GET on ${status}`, async () => {
      let calls = 0;
      worker.use(
        http.get(`${API}/v1/x`, () => (++calls < 2 ? new HttpResponse(null, { status }) : HttpResponse.json(1))),
      );
      expect(await setup().client.request('GET', '/v1/x', { check: c.number() })).to.equal(1);
      expect(calls).to.equal(2);
    });
  }

  for (const status of [400, 401, 403, 404, 409, 422]) {
    it(`never retries a ${status}`, async () => {
      let calls = 0;
      worker.use(http.get(`${API}/v1/x`, () => (calls++, new HttpResponse(null, { status }))));
      const err = await failure(setup().client.request('GET', '/v1/x', { check: c.unknown() }));
      expect([err.code, err.retryable, calls]).to.deep.equal([`http_${status}`, false, 1]);
    });
  }

  it('retries network errors of a GET and surfaces `network` when they persist', async () => {
    let calls = 0;
    worker.use(http.get(`${API}/v1/x`, () => (calls++, HttpResponse.error())));
    const err = await failure(setup().client.request('GET', '/v1/x', { check: c.unknown() }));
    expect([err.code, err.retryable, calls]).to.deep.equal(['network', true, 3]);
  });

  it('honours the retries option', async () => {
    let calls = 0;
    worker.use(http.get(`${API}/v1/x`, () => (calls++, new HttpResponse(null, { status: 503 }))));
    await failure(setup({ retries: 0 }).client.request('GET', '/v1/x', { check: c.unknown() }));
    expect(calls).to.equal(1);
  });

  it('does not retry a POST without an Idempotency-Key', async () => {
    let calls = 0;
    worker.use(
      http.post(`${API}/v1/cases/lookup`, ({ request }) => {
        calls++;
        expect(request.headers.has('idempotency-key')).to.equal(false);
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const { client, delays } = setup();
    const err = await failure(
      client.request('POST', '/v1/cases/lookup', { body: { reference: 'R' }, check: c.unknown() }),
    );
    expect([err.code, err.retryable, calls]).to.deep.equal(['http_503', false, 1]);
    expect(delays).to.deep.equal([]);
  });

  it('does not retry a POST without a key after a network error either', async () => {
    let calls = 0;
    worker.use(http.post(`${API}/v1/x`, () => (calls++, HttpResponse.error())));
    const err = await failure(setup().client.request('POST', '/v1/x', { body: {} }));
    expect([err.code, err.retryable, calls]).to.deep.equal(['network', false, 1]);
  });

  it('retries a POST declared idempotent', async () => {
    let calls = 0;
    worker.use(
      http.post(`${API}/v1/cases/lookup`, () =>
        ++calls < 2 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ caseId: 'c1' }),
      ),
    );
    const res = await setup().client.request('POST', '/v1/cases/lookup', {
      body: {},
      idempotent: true,
      check: c.object({ caseId: c.string() }),
    });
    expect([res.caseId, calls]).to.deep.equal(['c1', 2]);
  });

  it('sends a new Idempotency-Key on a creating POST and reuses it across its retries', async () => {
    const keys: Array<string | null> = [];
    worker.use(
      http.post(`${API}/v1/holds`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ holdId: 'h1' });
      }),
    );
    const { client } = setup();
    const hold = await client.request('POST', '/v1/holds', {
      body: { start: '2026-03-02T09:30:00+01:00' },
      idempotencyKey: true,
      check: c.object({ holdId: c.string() }),
    });
    expect(hold.holdId).to.equal('h1');
    expect(keys).to.have.length(3);
    expect(keys[0]).to.match(UUID);
    expect(new Set(keys).size).to.equal(1);

    keys.length = 0;
    worker.use(http.post(`${API}/v1/holds`, ({ request }) => (keys.push(request.headers.get('idempotency-key')), HttpResponse.json({}))));
    await client.request('POST', '/v1/holds', { body: {}, idempotencyKey: true });
    expect(keys[0]).to.match(UUID);
    expect(keys[0]).not.to.equal(hold.holdId);
  });

  it('uses a caller-provided Idempotency-Key as it is (a manual retry stays idempotent)', async () => {
    const keys: Array<string | null> = [];
    worker.use(
      http.post(`${API}/v1/bookings`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return HttpResponse.json({ id: 'b1' }, { status: 201 });
      }),
    );
    const { client } = setup();
    const key = newIdempotencyKey();
    await client.request('POST', '/v1/bookings', { body: {}, idempotencyKey: key });
    await client.request('POST', '/v1/bookings', { body: {}, idempotencyKey: key });
    expect(keys).to.deep.equal([key, key]);
  });

  it('waits for Retry-After in seconds on 429, then succeeds', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/x`, () =>
        ++calls < 2
          ? problem(429, { code: 'rate_limited' }, { 'Retry-After': '3' })
          : HttpResponse.json(true),
      ),
    );
    const { client, delays } = setup();
    expect(await client.request('GET', '/v1/x', { check: c.boolean() })).to.equal(true);
    expect(delays).to.deep.equal([3000]);
  });

  it('waits for Retry-After as an HTTP date on 429, then succeeds', async () => {
    let calls = 0;
    const at = new Date(Date.now() + 5000).toUTCString();
    worker.use(
      http.get(`${API}/v1/x`, () =>
        ++calls < 2 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': at } }) : HttpResponse.json(true),
      ),
    );
    const { client, delays } = setup();
    expect(await client.request('GET', '/v1/x', { check: c.boolean() })).to.equal(true);
    expect(delays).to.have.length(1);
    expect(delays[0]).to.be.within(4000, 5000);
  });

  it('honours Retry-After on 503 too', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/x`, () =>
        ++calls < 2 ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': '7' } }) : HttpResponse.json(1),
      ),
    );
    const { client, delays } = setup();
    await client.request('GET', '/v1/x', { check: c.number() });
    expect(delays).to.deep.equal([7000]);
  });

  it('surfaces a 429 whose Retry-After exceeds the cap as rate_limited with retryAfterSeconds', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/x`, () => (calls++, new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '3600' } }))),
    );
    const { client, delays } = setup();
    const err = await failure(client.request('GET', '/v1/x', { check: c.unknown() }));
    expect(err.code).to.equal('rate_limited');
    expect(err.status).to.equal(429);
    expect(err.retryAfterSeconds).to.equal(3600);
    expect(err.retryable).to.equal(true);
    expect([calls, delays.length]).to.deep.equal([1, 0]);
  });

  it('lets maxRetryAfterSeconds raise or lower the cap', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/x`, () =>
        ++calls < 2 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '90' } }) : HttpResponse.json(1),
      ),
    );
    const { client, delays } = setup({ maxRetryAfterSeconds: 120 });
    await client.request('GET', '/v1/x', { check: c.number() });
    expect(delays).to.deep.equal([90_000]);
  });

  it('retries a keyed POST answered 409 idempotency_in_progress after its Retry-After, with the same key', async () => {
    const keys: Array<string | null> = [];
    worker.use(
      http.post(`${API}/v1/bookings`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length < 2
          ? problem(409, { code: 'idempotency_in_progress', retryAfter: 1 }, { 'Retry-After': '1' })
          : HttpResponse.json({ id: 'b1' }, { status: 201, headers: { 'Idempotent-Replayed': 'true' } });
      }),
    );
    const { client, delays } = setup();
    const booking = await client.request('POST', '/v1/bookings', {
      body: {},
      idempotencyKey: true,
      check: c.object({ id: c.string() }),
    });
    expect(booking.id).to.equal('b1');
    expect(delays).to.deep.equal([1000]);
    expect(keys[0]).to.equal(keys[1]);
  });

  it("uses the problem's retryAfter member when the Retry-After header is missing", async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/x`, () =>
        ++calls < 2 ? problem(429, { code: 'rate_limited', retryAfter: 2 }) : HttpResponse.json(1),
      ),
    );
    const { client, delays } = setup();
    await client.request('GET', '/v1/x', { check: c.number() });
    expect(delays).to.deep.equal([2000]);
  });

  it('keeps the server code of a 429 problem document', async () => {
    worker.use(http.get(`${API}/v1/x`, () => problem(429, { code: 'booking_limit' }, { 'Retry-After': '999' })));
    const err = await failure(setup().client.request('GET', '/v1/x', { check: c.unknown() }));
    expect([err.code, err.retryAfterSeconds]).to.deep.equal(['booking_limit', 999]);
  });
});

describe('ApiClient: timeouts and cancellation', () => {
  it('times out a request the server does not answer, retrying a GET each time', async () => {
    let calls = 0;
    const time = fakeTime();
    worker.use(
      http.get(`${API}/v1/x`, async () => {
        calls++;
        time.fireTimeouts();
        await delay('infinite');
        return HttpResponse.json(1);
      }),
    );
    const client = new ApiClient({ apiBase: API, sleep: time.sleep });
    const err = await failure(client.request('GET', '/v1/x', { check: c.unknown() }));
    expect([err.code, err.retryable, calls]).to.deep.equal(['timeout', true, 3]);
    expect(time.pendingTimers()).to.equal(0);
  });

  it('passes timeoutMs to the timer and clears it once the response is read', async () => {
    const requested: number[] = [];
    let live = 0;
    const sleep: Sleep = (ms, signal) => {
      requested.push(ms);
      live++;
      return new Promise((_, reject) => signal?.addEventListener('abort', () => (live--, reject(signal.reason))));
    };
    worker.use(http.get(`${API}/v1/x`, () => HttpResponse.json(1)));
    await new ApiClient({ apiBase: API, sleep, timeoutMs: 2500 }).request('GET', '/v1/x', { check: c.number() });
    expect([requested, live]).to.deep.equal([[2500], 0]);
  });

  it('rejects with aborted (an AbortError) when the caller aborts, and never retries', async () => {
    let calls = 0;
    const ctrl = new AbortController();
    worker.use(
      http.get(`${API}/v1/x`, async () => {
        calls++;
        ctrl.abort();
        await delay('infinite');
        return HttpResponse.json(1);
      }),
    );
    const { client, delays } = setup();
    const err = await failure(client.request('GET', '/v1/x', { check: c.unknown(), signal: ctrl.signal }));
    expect(err.code).to.equal('aborted');
    expect(err.name).to.equal('AbortError');
    expect(isAbortError(err)).to.equal(true);
    expect(err.retryable).to.equal(false);
    expect([calls, delays.length]).to.deep.equal([1, 0]);
  });

  it('does not send a request whose signal is already aborted', async () => {
    let calls = 0;
    const fetchSpy: typeof fetch = () => (calls++, Promise.reject(new TypeError('sent')));
    const err = await failure(
      setup({ fetch: fetchSpy }).client.request('GET', '/v1/x', { signal: AbortSignal.abort() }),
    );
    expect([err.code, calls]).to.deep.equal(['aborted', 0]);
  });

  it('stops when the caller aborts during a backoff wait', async () => {
    let calls = 0;
    const ctrl = new AbortController();
    worker.use(http.get(`${API}/v1/x`, () => (calls++, new HttpResponse(null, { status: 503 }))));
    const sleep: Sleep = (ms, signal) =>
      ms === TIMEOUT
        ? new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)))
        : (ctrl.abort(), Promise.reject(new DOMException('Aborted', 'AbortError')));
    const client = new ApiClient({ apiBase: API, sleep });
    const err = await failure(client.request('GET', '/v1/x', { check: c.unknown(), signal: ctrl.signal }));
    expect([err.code, calls]).to.deep.equal(['aborted', 1]);
  });

  it('works with @lit/task: a change of arguments aborts the running request', async () => {
    const seen: string[] = [];
    worker.use(
      http.get(`${API}/v1/services`, async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')!;
        seen.push(q);
        if (q === 'slow') await delay('infinite');
        return HttpResponse.json([{ id: q, name: q }]);
      }),
    );
    const { client } = setup();
    const errors: unknown[] = [];
    class TaskHost extends LitElement {
      static override properties = { q: {} };
      q = 'slow';
      task = new Task(this, {
        args: () => [this.q] as const,
        task: ([q], { signal }) =>
          client.request('GET', '/v1/services', { query: { q }, check: c.array(service), signal }).catch((e) => {
            errors.push(e);
            throw e;
          }),
      });
      override render() {
        return html`${this.task.render({ complete: (list) => list[0]?.name })}`;
      }
    }
    customElements.define('api-task-host', TaskHost);
    const el = document.createElement('api-task-host') as TaskHost;
    document.body.append(el);
    try {
      await el.updateComplete;
      while (seen.length < 1) await new Promise((r) => setTimeout(r, 5));
      el.q = 'fast';
      await el.updateComplete;
      const list = await el.task.taskComplete;
      expect(list[0]?.id).to.equal('fast');
      expect(errors).to.have.length(1);
      expect(isAbortError(errors[0])).to.equal(true);
      expect(seen).to.deep.equal(['slow', 'fast']);
    } finally {
      el.remove();
    }
  });
});

describe('ApiClient: headers and URLs', () => {
  it('sends Accept, Accept-Language and X-Civic-AGS from the configuration, no cookies, no redirects', async () => {
    let request: Request | undefined;
    worker.use(http.get(`${API}/v1/x`, (info) => ((request = info.request), HttpResponse.json(1))));
    await setup({ lang: 'de-x-ls', ags: '09162000' }).client.request('GET', '/v1/x', { check: c.number() });
    expect(request!.headers.get('accept')).to.equal('application/json, application/problem+json');
    expect(request!.headers.get('accept-language')).to.equal('de-x-ls');
    expect(request!.headers.get('x-civic-ags')).to.equal('09162000');
    expect(request!.credentials).to.equal('omit');
    expect(request!.redirect).to.equal('error');
  });

  it('sends no X-Civic-AGS and no Accept-Language when they are not set', async () => {
    let headers: Headers | undefined;
    worker.use(http.get(`${API}/v1/x`, ({ request }) => ((headers = request.headers), HttpResponse.json(1))));
    await setup().client.request('GET', '/v1/x', { check: c.number() });
    expect(headers!.has('x-civic-ags')).to.equal(false);
    expect(headers!.has('accept-language')).to.equal(false);
    expect(headers!.has('authorization')).to.equal(false);
    expect(headers!.has('idempotency-key')).to.equal(false);
  });

  it('sends the token as a bearer header, never in the URL', async () => {
    let request: Request | undefined;
    worker.use(http.get(`${API}/v1/cases/c1`, (info) => ((request = info.request), HttpResponse.json({}))));
    await setup().client.request('GET', '/v1/cases/{id}', {
      params: { id: 'c1' },
      token: 'tok-123',
      check: c.object({}),
    });
    expect(request!.headers.get('authorization')).to.equal('Bearer tok-123');
    expect(request!.url).not.to.contain('tok-123');
  });

  it('fills path parameters URI-encoded, adds the query without null values, and lets caller headers win', async () => {
    let request: Request | undefined;
    worker.use(http.get(`${API}/v1/cases/:id`, (info) => ((request = info.request), HttpResponse.json(1))));
    await setup({ lang: 'de' }).client.request('GET', '/v1/cases/{id}', {
      params: { id: 'a/b c' },
      query: { after: 12, q: 'x&y', skip: undefined, none: null },
      headers: { 'Accept-Language': 'en' },
      check: c.number(),
    });
    const url = new URL(request!.url);
    expect(url.pathname).to.equal(`${API}/v1/cases/a%2Fb%20c`);
    expect(url.search).to.equal('?after=12&q=x%26y');
    expect(request!.headers.get('accept-language')).to.equal('en');
  });

  it('resolves apiBase against document.baseURI and joins paths with or without slashes', async () => {
    const urls: string[] = [];
    worker.use(http.get(`${API}/v1/x`, ({ request }) => (urls.push(request.url), HttpResponse.json(1))));
    for (const apiBase of [`${API}/`, `${location.origin}${API}`]) {
      await new ApiClient({ apiBase }).request('GET', 'v1/x', { check: c.number() });
    }
    expect(urls).to.deep.equal([`${location.origin}${API}/v1/x`, `${location.origin}${API}/v1/x`]);
  });

  it('refuses an absolute URL to another origin without sending anything', async () => {
    let calls = 0;
    const fetchSpy: typeof fetch = () => (calls++, Promise.reject(new Error('sent')));
    const { client } = setup({ fetch: fetchSpy });
    for (const path of ['https://evil.example/v1/x?token=abc', 'javascript:alert(1)']) {
      const err = await failure(client.request('GET', path));
      expect([err.code, err.retryable]).to.deep.equal(['origin_refused', false]);
      expect(err.message).not.to.contain('token=abc');
      expect(err.message).not.to.contain('evil.example');
    }
    expect(calls).to.equal(0);
  });

  it('allows an absolute URL on the apiBase origin (e.g. a link the server returned)', async () => {
    worker.use(http.get(`${API}/v1/next`, () => HttpResponse.json(1)));
    const { client } = setup();
    expect(await client.request('GET', `${location.origin}${API}/v1/next`, { check: c.number() })).to.equal(1);
  });

  it('rejects with not_configured when there is no apiBase', async () => {
    let calls = 0;
    const fetchSpy: typeof fetch = () => (calls++, Promise.reject(new Error('sent')));
    for (const apiBase of [undefined, '', 'http://[bad']) {
      const err = await failure(new ApiClient({ apiBase, fetch: fetchSpy }).request('GET', '/v1/x'));
      expect(err.code).to.equal('not_configured');
    }
    expect(calls).to.equal(0);
  });

  it('uses an injected fetch', async () => {
    const urls: string[] = [];
    const fake: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response('[]', { headers: { 'Content-Type': 'application/json' } });
    };
    await setup({ fetch: fake }).client.request('GET', '/v1/services', { check: c.array(service) });
    expect(urls).to.deep.equal([`${location.origin}${API}/v1/services`]);
  });

  it('sends a keepalive request (one that outlives the page) only when asked', async () => {
    const seen: Array<boolean | undefined> = [];
    const fake: typeof fetch = async (_input, init) => {
      seen.push(init?.keepalive);
      return new Response(null, { status: 204 });
    };
    const { client } = setup({ fetch: fake });
    await client.request('DELETE', '/v1/holds/{holdId}', { params: { holdId: 'h1' }, keepalive: true });
    await client.request('DELETE', '/v1/holds/{holdId}', { params: { holdId: 'h1' } });
    expect(seen).to.deep.equal([true, undefined]);
  });

  it('delivers a keepalive request through the service worker like any other', async () => {
    const seen: boolean[] = [];
    worker.use(
      http.delete(`${API}/v1/holds/:id`, ({ request }) => (seen.push(request.keepalive), new HttpResponse(null, { status: 204 }))),
    );
    await setup().client.request('DELETE', '/v1/holds/{holdId}', { params: { holdId: 'h1' }, keepalive: true });
    expect(seen).to.deep.equal([true]);
  });

  describe('upload progress (onUploadProgress: XMLHttpRequest underneath)', () => {
    const bytes = new Uint8Array(200_000).fill(7);

    it('reports the sent bytes and answers like any request (headers, token, key, JSON check)', async () => {
      const seen: { key: string | null; auth: string | null; lang: string | null; size: number }[] = [];
      worker.use(
        http.post(`${API}/v1/chat/conversations/:id/attachments`, async ({ request }) => {
          const form = await request.formData();
          seen.push({
            key: request.headers.get('Idempotency-Key'),
            auth: request.headers.get('Authorization'),
            lang: request.headers.get('Accept-Language'),
            size: (form.get('file') as File).size,
          });
          return HttpResponse.json({ id: 'a1', name: 'scan.png' }, { status: 201 });
        }),
      );
      const body = new FormData();
      body.append('file', new Blob([bytes], { type: 'image/png' }), 'scan.png');
      const progress: [number, number][] = [];
      const out = await setup({ lang: 'en' }).client.request('POST', '/v1/chat/conversations/{id}/attachments', {
        params: { id: 'c1' },
        token: 'tok',
        body,
        idempotencyKey: 'k-1',
        check: c.object({ id: c.string(), name: c.string() }),
        onUploadProgress: (loaded, total) => progress.push([loaded, total]),
      });
      expect(out).to.deep.equal({ id: 'a1', name: 'scan.png' });
      expect(seen).to.deep.equal([{ key: 'k-1', auth: 'Bearer tok', lang: 'en', size: bytes.length }]);
      // Chromium fires no upload progress for a request a service worker (msw) answers; the
      // events themselves are checked with a stand-in XMLHttpRequest below.
      for (const [loaded, total] of progress) expect(loaded).to.be.at.most(total);
    });

    it('passes the browser’s upload progress events on, in order, with the total', async () => {
      const Real = window.XMLHttpRequest;
      const sent: { method: string; url: string; headers: Record<string, string>; credentials: boolean }[] = [];
      class StandIn {
        upload: { onprogress?: (e: ProgressEvent) => void; onload?: (e: ProgressEvent) => void } = {};
        status = 0;
        statusText = '';
        response: Blob | null = null;
        responseURL = '';
        responseType = '';
        withCredentials = true;
        onload?: () => void;
        private request = { method: '', url: '', headers: {} as Record<string, string> };
        open(method: string, url: string) {
          Object.assign(this.request, { method, url });
        }
        setRequestHeader(name: string, value: string) {
          this.request.headers[name.toLowerCase()] = value;
        }
        getAllResponseHeaders() {
          return 'content-type: application/json\r\nx-extra: 1\r\n';
        }
        abort() {}
        send() {
          sent.push({ ...this.request, credentials: this.withCredentials });
          const event = (loaded: number) => ({ loaded, total: 300, lengthComputable: true }) as ProgressEvent;
          setTimeout(() => {
            this.upload.onprogress?.(event(100));
            this.upload.onprogress?.(event(300));
            this.upload.onload?.(event(300));
            Object.assign(this, { status: 201, responseURL: this.request.url, response: new Blob(['{"id":"a2"}']) });
            this.onload?.();
          });
        }
      }
      window.XMLHttpRequest = StandIn as unknown as typeof XMLHttpRequest;
      try {
        const progress: [number, number][] = [];
        const out = await setup().client.request('POST', '/v1/uploads', {
          body: new Blob([bytes]),
          token: 't',
          check: c.object({ id: c.string() }),
          onUploadProgress: (loaded, total) => progress.push([loaded, total]),
        });
        expect(out).to.deep.equal({ id: 'a2' });
        expect(progress).to.deep.equal([[100, 300], [300, 300], [300, 300]]);
        expect(sent).to.have.length(1);
        expect(sent[0]!.method).to.equal('POST');
        expect(sent[0]!.url).to.equal(`${location.origin}${API}/v1/uploads`);
        expect(sent[0]!.headers.authorization).to.equal('Bearer t');
        expect(sent[0]!.credentials).to.equal(false);
      } finally {
        window.XMLHttpRequest = Real;
      }
    });

    it('maps problem documents, retries a 503 with the same key and honours Retry-After', async () => {
      const keys: (string | null)[] = [];
      worker.use(
        http.post(`${API}/v1/uploads`, ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          return keys.length === 1
            ? problem(503, { code: 'unavailable' }, { 'Retry-After': '2' })
            : problem(413, { code: 'payload_too_large', maxBytes: 10 });
        }),
      );
      const { client, delays } = setup();
      const err = await failure(
        client.request('POST', '/v1/uploads', { body: new Blob([bytes]), idempotencyKey: true, check: c.unknown(), onUploadProgress: () => {} }),
      );
      expect([err.code, err.status, err.problem?.maxBytes]).to.deep.equal(['payload_too_large', 413, 10]);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(delays).to.deep.equal([2000]);
    });

    it('ends on abort and refuses a redirect, like the fetch path', async () => {
      worker.use(
        http.post(`${API}/v1/slow`, async () => {
          await delay(5000);
          return HttpResponse.json({});
        }),
        http.post(`${API}/v1/moved`, () => new HttpResponse(null, { status: 307, headers: { Location: `${API}/v1/elsewhere` } })),
        http.post(`${API}/v1/elsewhere`, () => HttpResponse.json({ ok: true })),
      );
      const abort = new AbortController();
      const pending = setup().client.request('POST', '/v1/slow', { body: new Blob([bytes]), signal: abort.signal, check: c.unknown(), onUploadProgress: () => {} });
      setTimeout(() => abort.abort(), 50);
      const aborted = await pending.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isAbortError(aborted)).to.equal(true);
      const moved = await failure(setup({ retries: 0 }).client.request('POST', '/v1/moved', { body: new Blob([bytes]), check: c.unknown(), onUploadProgress: () => {} }));
      expect(moved.code).to.equal('network');
    });
  });

  it('refuses a redirect (it could lead to another origin)', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/x`, () => (calls++, new HttpResponse(null, { status: 302, headers: { Location: 'https://evil.example/' } }))),
    );
    const err = await failure(setup({ retries: 0 }).client.request('GET', '/v1/x', { check: c.unknown() }));
    expect([err.code, calls]).to.deep.equal(['network', 1]);
  });

  it('never puts bodies, tokens, query values or response texts into error messages', async () => {
    worker.use(
      http.post(`${API}/v1/cases/:id/messages`, () =>
        problem(400, { code: 'invalid', detail: 'Erika Mustermann, erika@example.org is invalid' }),
      ),
      http.get(`${API}/v1/cases/:id`, () => HttpResponse.json({ name: 42, secret: 'Erika' })),
    );
    const { client } = setup();
    const errors = [
      await failure(
        client.request('POST', '/v1/cases/{id}/messages', {
          params: { id: 'case-77' },
          query: { q: 'erika@example.org' },
          token: 'tok-secret',
          body: { text: 'Erika Mustermann' },
          check: c.unknown(),
        }),
      ),
      await failure(
        client.request('GET', '/v1/cases/{id}?x=erika@example.org', {
          params: { id: 'case-77' },
          token: 'tok-secret',
          check: c.object({ name: c.string() }),
        }),
      ),
    ];
    expect(errors.map((e) => e.message)).to.deep.equal([
      'POST /v1/cases/{id}/messages failed: invalid (HTTP 400)',
      'GET /v1/cases/{id} failed: schema_mismatch (HTTP 200)',
    ]);
    for (const e of errors) {
      for (const secret of ['Erika', 'erika', 'tok-secret', 'case-77']) {
        expect(e.message).not.to.contain(secret);
        expect(String(e.detail)).not.to.contain(secret);
        expect(String(e.stack)).not.to.contain(secret);
      }
    }
  });
});

describe('ApiClient.openStream', () => {
  it('sends Accept: text/event-stream, the bearer token and Last-Event-ID, and resolves with the response', async () => {
    let request: Request | undefined;
    worker.use(
      http.get(`${API}/v1/cases/:id/events`, (info) => {
        request = info.request;
        return new HttpResponse('id: 8\ndata: {}\n\n', { headers: { 'Content-Type': 'text/event-stream' } });
      }),
    );
    const res = await setup({ ags: '09162000' }).client.openStream('/v1/cases/{id}/events', {
      params: { id: 'c1' },
      token: 'tok-1',
      lastEventId: '7',
      signal: new AbortController().signal,
    });
    expect(await res.text()).to.equal('id: 8\ndata: {}\n\n');
    expect(request!.headers.get('accept')).to.equal('text/event-stream');
    expect(request!.headers.get('authorization')).to.equal('Bearer tok-1');
    expect(request!.headers.get('last-event-id')).to.equal('7');
    expect(request!.headers.get('x-civic-ags')).to.equal('09162000');
    expect(request!.url).not.to.contain('tok-1');
  });

  it('omits Last-Event-ID on a first connection', async () => {
    let headers: Headers | undefined;
    worker.use(
      http.get(`${API}/v1/events`, ({ request }) => {
        headers = request.headers;
        return new HttpResponse('', { headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } });
      }),
    );
    await setup().client.openStream('/v1/events');
    expect(headers!.has('last-event-id')).to.equal(false);
  });

  it('rejects on a non-2xx status, without retrying itself, and says whether a reconnect may help', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/a`, () => (calls++, new HttpResponse(null, { status: 503 }))),
      http.get(`${API}/v1/b`, () => problem(401, { code: 'token_invalid' })),
    );
    const { client } = setup();
    const a = await failure(client.openStream('/v1/a'));
    expect([a.code, a.retryable, calls]).to.deep.equal(['http_503', true, 1]);
    const b = await failure(client.openStream('/v1/b'));
    expect([b.code, b.status, b.retryable]).to.deep.equal(['token_invalid', 401, false]);
  });

  it('rejects a response that is not an event stream', async () => {
    worker.use(
      http.get(`${API}/v1/a`, () => HttpResponse.json({})),
      http.get(`${API}/v1/b`, () => new HttpResponse(null, { status: 204 })),
    );
    const { client } = setup();
    for (const path of ['/v1/a', '/v1/b']) {
      const err = await failure(client.openStream(path));
      expect([err.code, err.retryable]).to.deep.equal(['malformed_response', false]);
    }
  });

  it("ends the open stream when the caller's signal aborts, and no timeout fires after it opened", async () => {
    const encoder = new TextEncoder();
    worker.use(
      http.get(`${API}/v1/events`, () => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(encoder.encode('data: 1\n\n'));
          },
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
      }),
    );
    const ctrl = new AbortController();
    const { client, pendingTimers } = setup();
    const res = await client.openStream('/v1/events', { signal: ctrl.signal });
    expect(pendingTimers()).to.equal(0);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).to.equal('data: 1\n\n');
    ctrl.abort();
    let ended: unknown;
    try {
      await reader.read();
    } catch (e) {
      ended = e;
    }
    expect(isAbortError(ended)).to.equal(true);
  });
});

describe('ApiClient.download', () => {
  it('resolves with a Blob and sends the token as a bearer header', async () => {
    let request: Request | undefined;
    worker.use(
      http.get(`${API}/v1/bookings/:id/ics`, (info) => {
        request = info.request;
        return new HttpResponse('BEGIN:VCALENDAR', { headers: { 'Content-Type': 'text/calendar' } });
      }),
    );
    const blob = await setup().client.download('/v1/bookings/{id}/ics', {
      params: { id: 'b1' },
      token: 'manage-1',
      accept: 'text/calendar',
    });
    expect(await blob.text()).to.equal('BEGIN:VCALENDAR');
    expect(blob.type).to.equal('text/calendar');
    expect(request!.headers.get('authorization')).to.equal('Bearer manage-1');
    expect(request!.headers.get('accept')).to.equal('text/calendar');
  });

  it('maps errors like request() does and retries transient ones', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/v1/t`, () =>
        ++calls < 2 ? new HttpResponse(null, { status: 502 }) : problem(404, { code: 'not_found' }),
      ),
    );
    const err = await failure(setup().client.download('/v1/t'));
    expect([err.code, calls]).to.deep.equal(['not_found', 2]);
  });
});

describe('clientFor', () => {
  it("uses the element's effective config and falls back to <html lang>", async () => {
    let headers: Headers | undefined;
    worker.use(http.get(`${API}/v1/x`, ({ request }) => ((headers = request.headers), HttpResponse.json(1))));
    const html = document.documentElement;
    const before = html.lang;
    html.lang = 'tr';
    try {
      const el = { config: { apiBase: API, ags: '01001000' } };
      await clientFor(el, { sleep: fakeTime().sleep }).request('GET', '/v1/x', { check: c.number() });
      expect(headers!.get('accept-language')).to.equal('tr');
      expect(headers!.get('x-civic-ags')).to.equal('01001000');
      await clientFor({ config: { apiBase: API, lang: 'uk' } }).request('GET', '/v1/x', { check: c.number() });
      expect(headers!.get('accept-language')).to.equal('uk');
      await clientFor({ config: { apiBase: API, lang: 'uk' } }, { lang: 'de' }).request('GET', '/v1/x', {
        check: c.number(),
      });
      expect(headers!.get('accept-language')).to.equal('de');
    } finally {
      html.lang = before;
    }
  });
});

describe('abortableSleep', () => {
  it('resolves after the time, and rejects at once when aborted before or during the wait', async () => {
    expect(await abortableSleep(0)).to.equal(undefined);
    const reason = new Error('stop');
    const before = await abortableSleep(60_000, AbortSignal.abort(reason)).catch((e: unknown) => e);
    expect(before).to.equal(reason);
    const ctrl = new AbortController();
    const during = abortableSleep(60_000, ctrl.signal).catch((e: unknown) => e);
    ctrl.abort(reason);
    expect(await during).to.equal(reason);
  });
});

describe('newIdempotencyKey and parseRetryAfter', () => {
  it('makes UUID v4 keys, also where crypto.randomUUID is missing', () => {
    const a = newIdempotencyKey();
    expect(a).to.match(UUID);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = [newIdempotencyKey(), newIdempotencyKey()];
      for (const k of keys) expect(k).to.match(UUID);
      expect(keys[0]).not.to.equal(keys[1]);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.be.a('function');
  });

  it('parses delta-seconds and HTTP dates, ignores garbage', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:30 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
