/**
 * A deliberately broken back end: the mock API with its handlers wrapped so that some answers
 * break the contract in known ways. The suite must report each of them (broken.test.ts).
 */
import { getResponse, http, type RequestHandler } from 'msw';
import { createMockApi, type MockApi, type MockApiOptions } from '@civic-elements/mock-api';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Breakage {
  /** What is broken, as a test name. */
  name: string;
  /** The (operationId, case) of the suite that must fail, and what its reason must say. */
  expect: { operationId: string; case: string; reason: RegExp };
  method: string;
  path: RegExp;
  /** Only answers with this status are broken (default: any). */
  status?: number;
  /** Changes the request before the mock sees it (breaks what the server reads). */
  request?: (request: Request) => Request;
  /** Breaks the answer; return undefined to leave it. */
  apply?(response: Response, request: Request): Promise<Response | undefined>;
}

/** Passes a text stream through `edit` chunk by chunk (SSE frames stay whole in the mock's chunks). */
function editStream(r: Response, edit: (text: string) => string): Response {
  const reader = r.body!.getReader();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await reader.read();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(edit(decoder.decode(value, { stream: true }))));
    },
    cancel: () => reader.cancel(),
  });
  return new Response(body, { status: r.status, headers: headersOf(r) });
}

const headersOf = (r: Response, change: Record<string, string | null> = {}) => {
  const h = new Headers(r.headers);
  h.delete('Content-Length');
  for (const [k, v] of Object.entries(change)) {
    if (v === null) h.delete(k);
    else h.set(k, v);
  }
  return h;
};

async function editJson(r: Response, edit: (body: Json) => void, init: { status?: number; headers?: Record<string, string | null> } = {}): Promise<Response> {
  const body = (await r.json()) as Json;
  edit(body);
  return new Response(JSON.stringify(body), { status: init.status ?? r.status, headers: headersOf(r, init.headers) });
}

export const BREAKAGES: Breakage[] = [
  {
    name: 'a required response field is dropped',
    expect: { operationId: 'getService', case: 'valid', reason: /must have required property 'name'/ },
    method: 'GET',
    path: /^\/v1\/services\/[^/]+$/,
    status: 200,
    apply: (r) => editJson(r, (b) => delete b.name),
  },
  {
    name: 'a response field has the wrong type',
    expect: { operationId: 'listLocations', case: 'valid', reason: /\/items\/0\/geo\/lat must be number/ },
    method: 'GET',
    path: /^\/v1\/locations$/,
    status: 200,
    apply: (r) => editJson(r, (b) => b.items.forEach((l: Json) => (l.geo.lat = String(l.geo.lat)))),
  },
  {
    name: 'an undeclared status code',
    expect: { operationId: 'getChatAvailability', case: 'valid', reason: /status 202 is not declared/ },
    method: 'GET',
    path: /^\/v1\/chat\/availability$/,
    apply: (r) => editJson(r, () => undefined, { status: 202 }),
  },
  {
    name: 'a problem document without code',
    expect: { operationId: 'getLocation', case: 'invalid:unknown-locationId', reason: /must have required property 'code'/ },
    method: 'GET',
    path: /^\/v1\/locations\/[^/]+$/,
    status: 404,
    apply: (r) => editJson(r, (b) => delete b.code),
  },
  {
    name: 'a problem code the response does not allow',
    expect: { operationId: 'extendHold', case: 'invalid:unknown-holdId', reason: /expected problem code hold_not_found, got not_found|must be one of/ },
    method: 'POST',
    path: /^\/v1\/holds\/[^/]+\/extend$/,
    status: 404,
    apply: (r) => editJson(r, (b) => (b.code = 'not_found')),
  },
  {
    name: 'an event stream with the wrong content type',
    expect: { operationId: 'streamOfficeEvents', case: 'valid', reason: /content type text\/plain/ },
    method: 'GET',
    path: /^\/v1\/offices\/[^/]+\/events$/,
    status: 200,
    apply: async (r) => new Response(r.body, { status: r.status, headers: headersOf(r, { 'Content-Type': 'text/plain; charset=utf-8' }) }),
  },
  {
    name: 'a streamed event that violates its schema',
    expect: { operationId: 'streamQueueEvents', case: 'valid', reason: /event 1 \(updated\): \/data\/waitingCount must be >= 0/ },
    method: 'GET',
    path: /^\/v1\/queues\/[^/]+\/events$/,
    status: 200,
    apply: async (r) => editStream(r, (text) => text.replace(/"waitingCount":\d+/g, '"waitingCount":-1')),
  },
  {
    name: 'the missing Idempotent-Replayed header on a replay',
    expect: { operationId: 'createBooking', case: 'idempotent-replay', reason: /lacks Idempotent-Replayed: true/ },
    method: 'POST',
    path: /^\/v1\/bookings$/,
    apply: async (r) => (r.headers.has('Idempotent-Replayed') ? new Response(r.body, { status: r.status, headers: headersOf(r, { 'Idempotent-Replayed': null }) }) : undefined),
  },
  {
    name: 'a personal answer without Cache-Control: no-store',
    expect: { operationId: 'getBooking', case: 'valid', reason: /header Cache-Control is missing/ },
    method: 'GET',
    path: /^\/v1\/bookings\/[^/]+$/,
    status: 200,
    apply: async (r) => new Response(r.body, { status: r.status, headers: headersOf(r, { 'Cache-Control': null }) }),
  },
  {
    name: 'a calendar with bare LF line ends',
    expect: { operationId: 'getBookingIcs', case: 'valid', reason: /CRLF/ },
    method: 'GET',
    path: /^\/v1\/bookings\/[^/]+\/ics$/,
    status: 200,
    apply: async (r) => new Response((await r.text()).replace(/\r\n/g, '\n'), { status: r.status, headers: headersOf(r) }),
  },
  {
    name: 'a wrong token answered with 403 instead of 401',
    expect: { operationId: 'getTicket', case: 'invalid:wrong-token', reason: /expected 401 unauthorized, got 403/ },
    method: 'GET',
    path: /^\/v1\/tickets\/[^/]+$/,
    status: 401,
    apply: (r) => editJson(r, (b) => Object.assign(b, { status: 403, code: 'forbidden' }), { status: 403 }),
  },
  {
    name: 'a problem whose status member differs from the HTTP status',
    expect: { operationId: 'listServices', case: 'invalid:query-q', reason: /problem status member 422 ≠ HTTP status 400/ },
    method: 'GET',
    path: /^\/v1\/services$/,
    status: 400,
    apply: (r) => editJson(r, (b) => (b.status = 422)),
  },
  {
    name: 'an unknown body property accepted',
    expect: { operationId: 'sendOfflineMessage', case: 'invalid:body-unknown-property', reason: /expected 400 validation_failed, got 201/ },
    method: 'POST',
    path: /^\/v1\/chat\/offline-messages$/,
    status: 400,
    apply: async (_r, request) => {
      const body = (await request.clone().json().catch(() => undefined)) as Json | undefined;
      if (!body || !('konformitaetUnbekannt' in body)) return undefined;
      return new Response(JSON.stringify({ id: crypto.randomUUID(), receivedAt: new Date().toISOString() }), { status: 201, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
    },
  },
  {
    name: 'international e-mail addresses refused (ASCII-only `email` instead of `idn-email`)',
    expect: { operationId: 'createBooking', case: 'rule:international-email', reason: /müller-bäckerei\.example: expected 201, got 400/ },
    method: 'POST',
    path: /^\/v1\/bookings$/,
    status: 201,
    apply: async (_r, request) => {
      const body = (await request.clone().json().catch(() => undefined)) as Json | undefined;
      if (!/[^\x00-\x7f]/.test(String(body?.contact?.email))) return undefined;
      const problem = { type: 'urn:civic:problem:validation_failed', title: 'Ungültige Anfrage', status: 400, code: 'validation_failed', errors: [{ in: 'body', pointer: '/contact/email', detail: 'must match format "email"' }] };
      return new Response(JSON.stringify(problem), { status: 400, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } });
    },
  },
  {
    name: 'a refused body field named by its parent object, not by its own pointer',
    expect: { operationId: 'joinWaitlist', case: 'rule:field-error-pointer', reason: /errors\[\] has no entry \{in: "body", pointer: "\/email"\}/ },
    method: 'POST',
    path: /^\/v1\/waitlist$/,
    status: 400,
    apply: (r) => editJson(r, (b) => (b.errors = (b.errors ?? []).map((e: Json) => ({ ...e, pointer: '' })))),
  },
  {
    name: 'slot_taken without alternatives',
    expect: { operationId: 'createHold', case: 'rule:slot-taken-alternatives', reason: /alternatives/ },
    method: 'POST',
    path: /^\/v1\/holds$/,
    status: 409,
    apply: (r) => editJson(r, (b) => delete b.alternatives),
  },
  {
    name: 'a duplicated event when the chat stream resumes',
    expect: { operationId: 'streamChatEvents', case: 'rule:chat-resume-last-event-id', reason: /duplicate event ids/ },
    method: 'GET',
    path: /^\/v1\/chat\/conversations\/[^/]+\/events$/,
    status: 200,
    apply: async (r, request) => {
      if (!request.headers.has('Last-Event-ID')) return undefined;
      let doubled = false;
      return editStream(r, (text) => {
        if (doubled) return text;
        const frame = /(^|\n)(id: [^\n]*\n(?:[^\n]+\n)*\n)/.exec(text) ?? /(^|\n)((?:[^\n]+\n)*id: [^\n]*\n(?:[^\n]+\n)*\n)/.exec(text);
        if (!frame) return text;
        doubled = true;
        const at = frame.index + frame[1]!.length + frame[2]!.length;
        return text.slice(0, at) + frame[2] + text.slice(at);
      });
    },
  },
  {
    name: 'a state stream that ignores Last-Event-ID (snapshot although nothing changed)',
    expect: { operationId: 'streamTicketEvents', case: 'rule:snapshot-unless-current', reason: /sent the unchanged snapshot again/ },
    method: 'GET',
    path: /^\/v1\/tickets\/[^/]+\/events$/,
    request: (request) => {
      const headers = new Headers(request.headers);
      headers.delete('Last-Event-ID');
      return new Request(request.url, { method: request.method, headers, signal: request.signal });
    },
  },
  {
    name: 'no Content-Language',
    expect: { operationId: 'listServices', case: 'rule:content-language', reason: /no Content-Language for Accept-Language: en/ },
    method: 'GET',
    path: /^\/v1\/services$/,
    status: 200,
    apply: async (r) => new Response(r.body, { status: r.status, headers: headersOf(r, { 'Content-Language': null }) }),
  },
  {
    name: 'a case lookup that tells an unknown reference from a wrong second factor',
    expect: { operationId: 'lookupCase', case: 'rule:lookup-gives-no-oracle', reason: /differ at \/detail/ },
    method: 'POST',
    path: /^\/v1\/cases\/lookup$/,
    status: 404,
    apply: async (r, request) => {
      const body = (await request.clone().json().catch(() => undefined)) as Json | undefined;
      return editJson(r, (b) => {
        if (typeof body?.reference === 'string' && body.reference.startsWith('KONFORMITAET')) b.detail = 'Dieses Aktenzeichen gibt es nicht.';
      });
    },
  },
  {
    name: 'a case history oldest first',
    expect: { operationId: 'getCase', case: 'valid', reason: /history is not newest first/ },
    method: 'GET',
    path: /^\/v1\/cases\/[^/]+$/,
    status: 200,
    apply: (r) => editJson(r, (b) => b.history.reverse()),
  },
];

/** The mock API with every breakage of {@link BREAKAGES} applied to its answers. */
export function breakMockApi(options: MockApiOptions): MockApi {
  const api = createMockApi(options);
  const inner: RequestHandler[] = api.handlers;
  const wrapper = http.all('*', async ({ request }) => {
    const path = new URL(request.url).pathname;
    const matching = BREAKAGES.filter((b) => b.method === request.method && b.path.test(path));
    let sent = request;
    for (const b of matching) if (b.request) sent = b.request(sent);
    const copy = sent.clone();
    const response = await getResponse(inner, sent);
    if (!response) return undefined;
    for (const b of matching) {
      if (!b.apply || (b.status !== undefined && b.status !== response.status)) continue;
      // A breakage either returns a new answer (it may have read this one) or leaves it unread.
      const broken = await b.apply(response, copy);
      if (broken) return broken;
    }
    return response;
  });
  return Object.assign(Object.create(api) as MockApi, { handlers: [wrapper] });
}
