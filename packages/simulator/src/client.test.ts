/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { OPERATIONS } from '@civic-elements/mock-api';
import { ApiError, ROUTES, createClient, operationUrl, type OperationId } from './client.js';

/** A fetch that records requests and answers from a list. */
function fakeFetch(...answers: (Response | Error)[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests.push({ url: String(input), init: init ?? {} });
    const next = answers.shift();
    if (!next) throw new Error('no answer left');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, requests };
}

const header = (init: RequestInit, name: string) => new Headers(init.headers).get(name);

describe('simulator client', () => {
  it('knows every staff operation and the citizen ones it uses, with the documents’ methods and paths', () => {
    const staff = OPERATIONS.filter((o) => o.document === 'staff');
    expect(staff).to.have.length(16);
    for (const op of staff) {
      const route = ROUTES[op.operationId as OperationId];
      expect(route, op.operationId).to.not.equal(undefined);
      expect({ method: route.method, path: route.path, staff: route.staff }, op.operationId).to.deep.equal({ method: op.method, path: op.path, staff: true });
    }
    const citizen = Object.entries(ROUTES).filter(([, r]) => !r.staff);
    expect(citizen.map(([id]) => id)).to.deep.equal(['getQueue', 'getOffice', 'takeQueueTicket', 'takeOfficeTicket']);
    for (const [id, route] of citizen) {
      const op = OPERATIONS.find((o) => o.operationId === id)!;
      expect({ method: route.method, path: route.path }, id).to.deep.equal({ method: op.method, path: op.path });
    }
    expect(Object.keys(ROUTES)).to.have.length(20);
  });

  it('appends the documents’ paths to the base URL, encoding parameters', () => {
    expect(operationUrl('/api', 'callNextTicket', { locationId: 'buergerbuero-mitte' })).to.equal('/api/staff/v1/queues/buergerbuero-mitte/call');
    expect(operationUrl('/api', 'getQueue', { locationId: 'buergerbuero-mitte' })).to.equal('/api/v1/queues/buergerbuero-mitte');
    expect(operationUrl('http://127.0.0.1:8787/', 'listConversations', undefined, { status: 'waiting' })).to.equal('http://127.0.0.1:8787/staff/v1/chat/conversations?status=waiting');
    expect(operationUrl('https://civic-api.musterstadt.de', 'setOfficeChair', { officeId: 'a/b', chairId: '1 2' })).to.equal('https://civic-api.musterstadt.de/staff/v1/offices/a%2Fb/chairs/1%202');
    expect(operationUrl('/api', 'listConversationMessagesAsStaff', { conversationId: 'x' }, { after: 0, limit: undefined })).to.equal('/api/staff/v1/chat/conversations/x/messages?after=0');
    expect(() => operationUrl('/api', 'updateCase', {})).to.throw(TypeError, 'caseId');
  });

  it('sends the staff key to staff operations only, an Idempotency-Key where the document asks for one, and X-Civic-AGS when set', async () => {
    const ok = () => new Response(JSON.stringify({ ticket: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    const { fetch, requests } = fakeFetch(ok(), ok(), ok(), ok());
    const client = createClient({ baseUrl: '/api', staffKey: 'secret-key', fetch, ags: '09999999' });
    await client.call('callNextTicket', { path: { locationId: 'l' }, body: { desk: 'Platz 1' } });
    await client.call('getQueue', { path: { locationId: 'l' } });
    await client.call('takeQueueTicket', { path: { locationId: 'l' }, body: { service: 's' } });
    await client.call('takeQueueTicket', { path: { locationId: 'l' }, body: { service: 's' } });
    const [call, read, take, again] = requests.map((r) => r.init);
    expect(header(call!, 'X-Staff-Key')).to.equal('secret-key');
    expect(header(call!, 'Content-Type')).to.equal('application/json');
    expect(call!.body).to.equal('{"desk":"Platz 1"}');
    expect(header(call!, 'Idempotency-Key')).to.equal(null);
    expect(header(read!, 'X-Staff-Key')).to.equal(null);
    expect(header(read!, 'Content-Type')).to.equal(null);
    expect(header(take!, 'X-Staff-Key')).to.equal(null);
    expect(header(take!, 'Idempotency-Key')).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const init of [call, read, take]) expect(header(init!, 'X-Civic-AGS')).to.equal('09999999');
    // Each creating request gets its own key.
    expect(header(again!, 'Idempotency-Key')).to.not.equal(header(take!, 'Idempotency-Key'));
  });

  it('turns a problem into an ApiError with status, code and Retry-After', async () => {
    const problem = new Response(JSON.stringify({ type: 'urn:civic:problem:unavailable', title: 'Unavailable', status: 503, code: 'unavailable' }), {
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '7' },
    });
    const { fetch } = fakeFetch(problem, new Response('<html>', { status: 502 }), new TypeError('Failed to fetch'), new Response('{"ticket":', { status: 200 }), new Response(null, { status: 204 }));
    const client = createClient({ baseUrl: '/api', staffKey: 'k', fetch });
    const failure = async (p: Promise<unknown>) => p.then(() => expect.fail('resolved'), (e: unknown) => e as ApiError);
    const e1 = await failure(client.call('callNextTicket', { path: { locationId: 'l' }, body: { desk: 'd' } }));
    expect(e1).to.be.instanceOf(ApiError);
    expect([e1.operation, e1.status, e1.code, e1.retryAfterSeconds]).to.deep.equal(['callNextTicket', 503, 'unavailable', 7]);
    expect(e1.message).to.equal('callNextTicket: HTTP 503 unavailable');
    const e2 = await failure(client.call('getQueue', { path: { locationId: 'l' } }));
    expect([e2.status, e2.code]).to.deep.equal([502, undefined]);
    const e3 = await failure(client.call('getQueue', { path: { locationId: 'l' } }));
    expect([e3.status, e3.message]).to.deep.equal([0, 'getQueue: network error']);
    const e4 = await failure(client.call('callNextTicket', { path: { locationId: 'l' }, body: { desk: 'd' } }));
    expect([e4.status, e4.code]).to.deep.equal([200, 'invalid_response']);
    expect(await client.call('staffTyping', { path: { conversationId: 'c' }, body: { author: { kind: 'agent' }, active: true } })).to.equal(undefined);
  });

  it('passes an abort through as the abort, not as a network error', async () => {
    const controller = new AbortController();
    const fetch: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const client = createClient({ baseUrl: '/api', staffKey: 'k', fetch });
    const pending = client.call('listConversations', {}, controller.signal);
    controller.abort();
    const error = await pending.then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
