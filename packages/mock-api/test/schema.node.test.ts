// Every answer the mock gives in the main flows of cases, chat, queues, tickets and offices (citizen
// and staff) matches the response schema openapi.yaml / staff.yaml documents for that operation and
// status — JSON bodies, problem documents and each parsed Server-Sent Event.
// Run: node --conditions=civic-source --import tsx --test packages/mock-api/test/*.node.test.ts
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { matchRequestUrl } from 'msw';
import { addIdnEmailFormat } from '@civic-elements/contract';
import { ManualClock, TEST_MODE_SETTINGS, createMockApi, type MockApi } from '../src/index.js';
import { TestClient, type CallOptions, type EventReader } from '../src/http-testing.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ROOT = 'https://schema-test.civic.invalid/';
const docs: Record<string, Json> = {
  'openapi.yaml': parse(readFileSync(fileURLToPath(new URL('../../contract/openapi.yaml', import.meta.url)), 'utf8')),
  'staff.yaml': parse(readFileSync(fileURLToPath(new URL('../../contract/staff.yaml', import.meta.url)), 'utf8')),
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
addIdnEmailFormat(ajv);
for (const [name, doc] of Object.entries(docs)) ajv.addSchema({ ...doc, $id: ROOT + name });

const escape = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

/** Follows a `$ref` inside the documents; returns the target and the file it lives in. */
function deref(file: string, node: Json): { file: string; node: Json; pointer?: string } {
  if (!node?.$ref) return { file, node };
  const [target = '', pointer = ''] = (node.$ref as string).split('#');
  const f = target ? target.replace('./', '') : file;
  const found = pointer.split('/').slice(1).reduce((n: Json, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], docs[f]);
  return { ...deref(f, found), pointer: deref(f, found).pointer ?? pointer };
}

const covered = new Set<string>();

function validate(api: MockApi, request: Request, status: number, type: string, body: unknown): void {
  const url = new URL(request.url);
  const op = api.operations.find((o) => o.method === request.method && matchRequestUrl(url, o.mswPath).matches);
  assert.ok(op, `${request.method} ${url.pathname} is an operation`);
  const file = op.document === 'citizen' ? 'openapi.yaml' : 'staff.yaml';
  const responses = docs[file].paths[op.path][op.method.toLowerCase()].responses;
  const key = String(status) in responses ? String(status) : 'default';
  assert.ok(responses[key], `${op.operationId} documents ${status}`);
  const resolved = deref(file, responses[key]);
  const base = resolved.pointer ?? `/paths/${op.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${op.method.toLowerCase()}/responses/${key}`;
  const media = Object.keys(resolved.node.content ?? {}).find((m) => m === '*/*' || type.startsWith(m.split(';')[0]!));
  if (!resolved.node.content) {
    assert.equal(body, undefined, `${op.operationId} ${status} has no body`);
    covered.add(`${op.operationId} ${status}`);
    return;
  }
  assert.ok(media, `${op.operationId} ${status} documents ${type}`);
  const pointer = `${base.split('/').map((p, i) => (i === 0 ? p : escape(p.replace(/~1/g, '/').replace(/~0/g, '~')))).join('/')}/content/${escape(media)}/schema`;
  const check = ajv.getSchema(`${ROOT}${resolved.file}#${pointer}`);
  assert.ok(check, `schema at ${resolved.file}#${pointer}`);
  if (!check(body)) assert.fail(`${op.operationId} ${status}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(body).slice(0, 600)}`);
  covered.add(`${op.operationId} ${status}`);
}

/** A client whose every answer (and every streamed event) is validated against the documents. */
function checked(api: MockApi) {
  const client = new TestClient(() => api.handlers);
  const call = async (method: string, path: string, o: CallOptions = {}) => {
    const request = client.build(method, path, o);
    const res = await client.raw(request.clone());
    const type = res.headers.get('Content-Type') ?? '';
    const text = await res.text();
    const body = /json/.test(type) ? JSON.parse(text) : text === '' && res.status === 204 ? undefined : text;
    validate(api, request, res.status, type, body);
    return { status: res.status, json: body as Json };
  };
  const stream = async (path: string, o: CallOptions & { lastEventId?: string } = {}) => {
    const reader = await client.stream(path, o);
    const request = client.build('GET', path, o);
    return {
      reader,
      async next() {
        const e = await reader.next();
        if (e) validate(api, request, 200, 'text/event-stream', e);
        return e;
      },
    } as { reader: EventReader; next: () => ReturnType<EventReader['next']> };
  };
  return { call, stream, get: (p: string, o?: CallOptions) => call('GET', p, o), post: (p: string, o?: CallOptions) => call('POST', p, o) };
}

const T0 = Date.parse('2026-12-01T10:00:00+01:00');
const make = (at = T0) => createMockApi({ clock: new ManualClock(at), settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });

describe('mock answers match the documents', () => {
  it('(control) the validator rejects answers that break the schema', async () => {
    const api = make();
    const client = new TestClient(() => api.handlers);
    const request = client.build('GET', '/v1/queues/buergerbuero-mitte');
    const good = (await client.get('/v1/queues/buergerbuero-mitte')).json;
    validate(api, request, 200, 'application/json', good);
    assert.throws(() => validate(api, request, 200, 'application/json', { ...good, open: 'yes' }), /getQueue 200/);
    assert.throws(() => validate(api, request, 200, 'application/json', { ...good, revision: undefined }), /revision/);
    assert.throws(() => validate(api, request, 418, 'application/json', good), /getQueue 418 documents/);
  });

  it('cases: lookup, case, events, staff update, errors', async () => {
    const api = make();
    const c = checked(api);
    const seeded = api.ctx.seed.cases;
    for (const s of seeded) {
      const access = (await c.post('/v1/cases/lookup', { body: { reference: s.reference, secondFactor: { kind: 'passcode', value: s.secondFactor.passcode } } })).json;
      assert.equal((await c.get(`/v1/cases/${s.id}`, { token: access.accessToken })).status, 200);
      await c.get(`/v1/cases/${s.id}`, { token: access.accessToken, headers: { 'Accept-Language': 'en' } });
    }
    const s = seeded[0]!;
    const access = (await c.post('/v1/cases/lookup', { body: { reference: s.reference, secondFactor: { kind: 'birthdate', value: s.secondFactor.birthdate } } })).json;
    const events = await c.stream(`/v1/cases/${s.id}/events`, { token: access.accessToken });
    await events.next();
    await c.post(`/staff/v1/cases/${s.id}/updates`, {
      staffKey: api.ctx.staffKey,
      body: {
        status: { code: 'decided', label: 'Entschieden' },
        currentStep: s.steps[s.steps.length - 1]!.code,
        history: { title: 'Bescheid', description: 'Per Post.', actor: 'Amt' },
        addActionRequired: { id: 'pay', kind: 'payment', title: 'Gebühr zahlen', description: '25 €', dueDate: '2026-12-20', url: 'https://pay.example/x' },
        result: { decision: 'approved', label: 'Bewilligt', explanation: 'Alles gut.' },
        suspension: { kind: 'paused', reason: 'Wir warten.', since: '2026-12-01', until: '2026-12-10' },
        expectedCompletion: '2026-12-24',
        pickup: { ready: true, serviceId: 'dokument-abholung' },
        addDocument: { title: 'Bescheid', url: 'https://docs.example/b.pdf', availableFrom: '2026-12-02' },
      },
    });
    await events.next();
    await events.reader.close();
    await c.post('/v1/cases/lookup', { body: { reference: 'nope', secondFactor: { kind: 'birthdate', value: '2000-01-01' } } });
    await c.post('/v1/cases/lookup', { body: { reference: 'x' } });
    await c.get(`/v1/cases/${s.id}`);
    await c.post(`/staff/v1/cases/${s.id}/updates`, { body: {} });
    await c.post('/staff/v1/cases/nope/updates', { staffKey: api.ctx.staffKey, body: { history: { title: 'x' } } });
  });

  it('chat: availability, conversation, messages, events, attachments, end, offline, staff', async () => {
    const api = make();
    const c = checked(api);
    const staffKey = api.ctx.staffKey;
    await c.get('/v1/chat/availability');
    const conv = (await c.post('/v1/chat/conversations', { key: true, body: { consent: true, locale: 'de', topic: 'meldewesen' } })).json;
    const token = conv.token;
    const base = `/v1/chat/conversations/${conv.id}`;
    await c.get(base, { token });
    const events = await c.stream(`${base}/events?after=1`, { token });
    await c.post(`${base}/messages`, { token, body: { clientId: 'schema-client-1', text: 'Anmeldung nach Umzug?' } });
    await c.post(`${base}/messages`, { token, body: { clientId: 'schema-client-1', text: 'Anmeldung nach Umzug?' } });
    await c.post(`${base}/messages`, { token, body: { clientId: 'schema-client-1', text: 'anders' } });
    for (let i = 0; i < 2; i++) await events.next();
    await c.get(`${base}/messages?limit=2`, { token });
    await c.get(`${base}/messages?after=1&before=3`, { token });
    await c.post(`${base}/typing`, { token, body: { active: true } });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }), 'foto.jpg');
    const att = (await c.post(`${base}/attachments`, { token, key: true, body: form })).json;
    const bad = new FormData();
    bad.append('file', new Blob(['hello'], { type: 'text/plain' }), 'a.txt');
    await c.post(`${base}/attachments`, { token, key: true, body: bad });
    await c.post(`${base}/messages`, { token, body: { clientId: 'schema-client-2', text: '', attachmentIds: [att.id] } });
    await c.get(`${base}/attachments/${att.id}`, { token });
    await c.get(`${base}/attachments/00000000-0000-4000-8000-000000000000`, { token });
    await c.get(`${base}/transcript`, { token });
    await c.post(`/staff/v1/chat/conversations/${conv.id}/join`, { staffKey, body: { agent: { name: 'Frau Schmidt' } } });
    await c.post(`/staff/v1/chat/conversations/${conv.id}/typing`, { staffKey, body: { author: { kind: 'agent', name: 'Frau Schmidt' }, active: true } });
    await c.post(`/staff/v1/chat/conversations/${conv.id}/messages`, { staffKey, key: true, body: { author: { kind: 'bot', name: 'Stadtbot' }, text: 'Hallo', suggestions: [{ text: 'Ja' }] } });
    await c.get('/staff/v1/chat/conversations', { staffKey });
    await c.get(`/staff/v1/chat/conversations/${conv.id}/messages?after=0`, { staffKey });
    await c.call('PATCH', '/staff/v1/chat/desk', { staffKey, body: { agentsOnline: 3, welcomeText: 'Willkommen' } });
    for (let e = await events.next(); e && e.event !== 'message' || (e && (e.data as Json).author.kind !== 'bot'); e = await events.next());
    await c.post(`${base}/end`, { token });
    for (let e = await events.next(); e; e = await events.next());
    await c.post(`${base}/messages`, { token, body: { clientId: 'schema-client-3', text: 'noch da?' } });
    await c.post(`/staff/v1/chat/conversations/${conv.id}/end`, { staffKey });
    await c.post('/v1/chat/offline-messages', { key: true, body: { email: 'erika@example.org', name: 'Erika', text: 'Hallo', locale: 'de', consent: true } });
    await c.post('/v1/chat/conversations', { body: { consent: true, locale: 'de' } });
    const closed = checked(make(Date.parse('2026-12-01T22:00:00+01:00')));
    await closed.get('/v1/chat/availability');
    await closed.post('/v1/chat/conversations', { key: true, body: { consent: true, locale: 'de' } });
  });

  it('queues, tickets and offices: state, streams, tickets, staff, errors', async () => {
    const api = make();
    const c = checked(api);
    const staffKey = api.ctx.staffKey;
    for (const q of api.ctx.seed.queues) await c.get(`/v1/queues/${q.locationId}`);
    for (const o of api.ctx.seed.offices) await c.get(`/v1/offices/${o.id}`);
    const queue = await c.stream('/v1/queues/buergerbuero-mitte/events');
    await queue.next();
    const t = (await c.post('/v1/queues/buergerbuero-mitte/tickets', { key: true, body: { service: 'personalausweis', notify: { email: 'erika@example.org', whenAhead: 2 }, locale: 'de' } })).json;
    const ticket = await c.stream(`/v1/tickets/${t.ticketId}/events`, { token: t.token });
    await ticket.next();
    await c.post('/staff/v1/queues/buergerbuero-mitte/call', { staffKey, body: { desk: 'Platz 1' } });
    for (let i = 0; i < 3; i++) await queue.next();
    await ticket.next();
    await c.call('PATCH', '/staff/v1/queues/buergerbuero-mitte', { staffKey, body: { ticker: 'Neu', welcomeText: 'Hallo' } });
    await queue.next();
    await c.get(`/v1/tickets/${t.ticketId}`, { token: t.token });
    await c.call('DELETE', `/v1/tickets/${t.ticketId}`, { token: t.token });
    await ticket.next();
    await queue.reader.close();
    const office = (await c.post('/v1/offices/videobuero-buergeramt/tickets', { key: true })).json;
    const officeEvents = await c.stream('/v1/offices/videobuero-buergeramt/events');
    await officeEvents.next();
    await c.call('PUT', '/staff/v1/offices/videobuero-buergeramt/chairs/5', { staffKey, body: { open: true, name: 'Beratung 5' } });
    await officeEvents.next();
    for (const chair of ['2', '3', '5']) await c.post('/staff/v1/offices/videobuero-buergeramt/call', { staffKey, body: { chairId: chair, joinUrl: `https://video.example/${chair}` } });
    await c.post('/staff/v1/offices/videobuero-buergeramt/call', { staffKey, body: { chairId: '2', joinUrl: 'https://video.example/x' } });
    await c.get(`/v1/tickets/${office.ticketId}`, { token: office.token });
    await c.post(`/staff/v1/tickets/${office.ticketId}/outcome`, { staffKey, body: { outcome: 'missed' } });
    await c.post(`/staff/v1/tickets/${office.ticketId}/outcome`, { staffKey, body: { outcome: 'served' } });
    await officeEvents.reader.close();
    await c.post('/v1/queues/buergerbuero-mitte/tickets', { key: true, body: { service: 'kfz-zulassung' } });
    await c.post('/v1/queues/nowhere/tickets', { key: true, body: { service: 'x' } });
    await c.get('/v1/tickets/00000000-0000-4000-8000-000000000000');
    const evening = checked(make(Date.parse('2026-12-01T20:00:00+01:00')));
    await evening.post('/v1/queues/buergerbuero-mitte/tickets', { key: true, body: { service: 'personalausweis' } });
    await evening.post('/v1/offices/videobuero-buergeramt/tickets', { key: true });
    await evening.get('/v1/offices/videobuero-buergeramt');
    await c.post('/staff/v1/queues/rathaus-sued/call', { staffKey, body: { desk: 'Zimmer 1', serviceId: 'kfz-zulassung' } });
  });

  it('covered the operations of this mock’s domains', () => {
    const ops = new Set([...covered].map((k) => k.split(' ')[0]));
    const appointments = ['listServices', 'getService', 'listLocations', 'getLocation', 'getAvailability', 'getAntibotChallenge', 'createHold', 'extendHold', 'releaseHold', 'createBooking', 'getBooking', 'rescheduleBooking', 'cancelBooking', 'getBookingIcs', 'joinWaitlist', 'blockSlots', 'releaseBlock', 'updateService'];
    const api = make();
    const missing = api.operations.map((o) => o.operationId).filter((id) => !appointments.includes(id) && !ops.has(id));
    assert.deepEqual(missing, []);
  });
});
