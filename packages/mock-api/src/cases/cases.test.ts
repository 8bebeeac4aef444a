import { expect } from '@open-wc/testing';
import { DEFAULT_SETTINGS, ManualClock, TEST_MODE_SETTINGS, createMockApi, type BackendSettings } from '../index.js';
import { TestClient } from '../http-testing.js';

// Tuesday, 1 December 2026, 10:00 in Musterstadt.
const T0 = Date.parse('2026-12-01T10:00:00+01:00');

function setup(settings: BackendSettings = TEST_MODE_SETTINGS) {
  const clock = new ManualClock(T0);
  const api = createMockApi({ clock, settings, pingMs: 3_600_000 });
  const client = new TestClient(() => api.handlers);
  const seeded = api.ctx.seed.cases[0]!;
  const lookup = (reference: string, kind: 'birthdate' | 'passcode', value: string) => client.post('/v1/cases/lookup', { body: { reference, secondFactor: { kind, value } } });
  const login = async () => (await lookup(seeded.reference, 'birthdate', seeded.secondFactor.birthdate)).json as { caseId: string; accessToken: string; expiresAt: string };
  return { clock, api, client, seeded, lookup, login, staffKey: api.ctx.staffKey };
}

describe('mock cases: lookup', () => {
  it('exchanges reference and birth date for a token that reads the case (no second factor in it)', async () => {
    const { client, seeded, login } = setup();
    const access = await login();
    expect(access.caseId).to.equal(seeded.id);
    expect(access.accessToken).to.match(/^[A-Za-z0-9._~-]{16,}$/);
    expect(access.expiresAt).to.equal('2026-12-01T11:00:00+01:00');
    const res = await client.get(`/v1/cases/${seeded.id}`, { token: access.accessToken });
    expect(res.status).to.equal(200);
    expect(res.headers.get('Cache-Control')).to.equal('no-store');
    expect(res.json.reference).to.equal(seeded.reference);
    expect(res.json.revision).to.equal(seeded.revision);
    expect(res.text).to.not.contain(seeded.secondFactor.birthdate);
    expect(res.text).to.not.contain(seeded.secondFactor.passcode);
  });

  it('compares the reference ignoring case and spaces, the passcode also ignoring hyphens', async () => {
    const { lookup, seeded } = setup();
    const reference = ` ${seeded.reference.toLowerCase().replace('-', ' - ')} `;
    const passcode = seeded.secondFactor.passcode.toLowerCase().replace(/-/g, ' ');
    const res = await lookup(reference, 'passcode', passcode);
    expect(res.status).to.equal(200);
    expect(res.json.caseId).to.equal(seeded.id);
  });

  it('answers an unknown reference and a wrong second factor identically (no oracle)', async () => {
    const { lookup, seeded } = setup();
    const unknown = await lookup('MS-0000-000000', 'birthdate', '1984-03-12');
    const wrong = await lookup(seeded.reference, 'birthdate', '1900-01-01');
    const wrongPasscode = await lookup(seeded.reference, 'passcode', 'AAAA-0000');
    expect(unknown.status).to.equal(404);
    expect(unknown.json.code).to.equal('case_not_found');
    expect(wrong.status).to.equal(404);
    expect(wrong.text).to.equal(unknown.text);
    expect(wrongPasscode.text).to.equal(unknown.text);
    expect([...wrong.headers].sort()).to.deep.equal([...unknown.headers].sort());
  });

  it('rejects malformed requests: unparsable JSON, unknown members, a bad date', async () => {
    const { client, seeded } = setup();
    const garbled = await client.post('/v1/cases/lookup', { body: 'not json', headers: { 'Content-Type': 'application/json' } });
    const garbledRaw = await client.raw(new Request('http://mock.test/v1/cases/lookup', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"reference":' }));
    expect(garbled.status).to.equal(400);
    expect(garbledRaw.status).to.equal(400);
    expect((await garbledRaw.json()).code).to.equal('bad_request');
    const extra = await client.post('/v1/cases/lookup', { body: { reference: seeded.reference, secondFactor: { kind: 'birthdate', value: '1984-03-12' }, name: 'Erika' } });
    expect(extra.status).to.equal(400);
    expect(extra.json.code).to.equal('validation_failed');
    expect(extra.json.errors).to.deep.include({ in: 'body', pointer: '/name', detail: 'is not allowed' });
    const badDate = await client.post('/v1/cases/lookup', { body: { reference: seeded.reference, secondFactor: { kind: 'birthdate', value: '12.03.1984' } } });
    expect(badDate.json.code).to.equal('validation_failed');
  });

  it('rate-limits failed attempts per reference with Retry-After when rate limits are on', async () => {
    const { lookup, seeded, clock, api } = setup({ ...DEFAULT_SETTINGS, rateLimits: true });
    for (let i = 0; i < 5; i++) expect((await lookup(seeded.reference, 'birthdate', '1900-01-01')).status).to.equal(404);
    const limited = await lookup(seeded.reference, 'birthdate', seeded.secondFactor.birthdate);
    expect(limited.status).to.equal(429);
    expect(limited.json.code).to.equal('rate_limited');
    expect(limited.headers.get('Retry-After')).to.equal('900');
    expect(limited.json.retryAfter).to.equal(900);
    // Another reference is not affected; after the window the right answer works again.
    const other = api.ctx.seed.cases[1]!;
    expect((await lookup(other.reference, 'birthdate', other.secondFactor.birthdate)).status).to.equal(200);
    clock.advance(15 * 60 * 1000);
    expect((await lookup(seeded.reference, 'birthdate', seeded.secondFactor.birthdate)).status).to.equal(200);
  });

  it('never answers 429 when rate limits are off (test mode)', async () => {
    const { lookup, seeded } = setup(TEST_MODE_SETTINGS);
    for (let i = 0; i < 12; i++) expect((await lookup(seeded.reference, 'birthdate', '1900-01-01')).status).to.equal(404);
    expect((await lookup(seeded.reference, 'birthdate', seeded.secondFactor.birthdate)).status).to.equal(200);
  });
});

describe('mock cases: access token', () => {
  it('refuses a missing, wrong, foreign or expired token with 401', async () => {
    const { client, login, clock, api } = setup();
    const access = await login();
    const other = api.ctx.seed.cases[1]!.id;
    expect((await client.get(`/v1/cases/${access.caseId}`)).status).to.equal(401);
    const wrong = await client.get(`/v1/cases/${access.caseId}`, { token: 'cat_wrongwrongwrongwrong' });
    expect(wrong.status).to.equal(401);
    expect(wrong.headers.get('WWW-Authenticate')).to.match(/^Bearer/);
    expect((await client.get(`/v1/cases/${other}`, { token: access.accessToken })).status).to.equal(401);
    expect((await client.get('/v1/cases/does-not-exist', { token: access.accessToken })).status).to.equal(401);
    clock.advance(60 * 60 * 1000);
    expect((await client.get(`/v1/cases/${access.caseId}`, { token: access.accessToken })).status).to.equal(401);
  });

  it('localises texts by Accept-Language and names the language', async () => {
    const { client, login, seeded } = setup();
    const access = await login();
    const en = await client.get(`/v1/cases/${access.caseId}`, { token: access.accessToken, headers: { 'Accept-Language': 'en-GB, de;q=0.5' } });
    expect(en.headers.get('Content-Language')).to.equal('en');
    expect(en.json.title).to.equal(seeded.title.en);
    const de = await client.get(`/v1/cases/${access.caseId}`, { token: access.accessToken });
    expect(de.json.title).to.equal(seeded.title.de);
  });
});

describe('mock cases: events and staff updates', () => {
  it('streams a snapshot on connect, then one case.updated per staff update with the revision as id', async () => {
    const { client, login, staffKey, seeded } = setup();
    const access = await login();
    const stream = await client.stream(`/v1/cases/${access.caseId}/events`, { token: access.accessToken });
    expect(stream.response.headers.get('Content-Type')).to.match(/^text\/event-stream/);
    expect(stream.response.headers.get('Cache-Control')).to.equal('no-store');
    const snapshot = await stream.next();
    expect(snapshot).to.include({ event: 'case.updated', id: String(seeded.revision) });
    const update = await client.post(`/staff/v1/cases/${access.caseId}/updates`, {
      staffKey,
      body: { status: { code: 'decided', label: 'Entschieden' }, history: { title: 'Bescheid erstellt', actor: 'Wohngeldstelle' } },
    });
    expect(update.status).to.equal(200);
    const next = await stream.next();
    expect(next?.id).to.equal(String(seeded.revision + 1));
    const data = next?.data as { status: { code: string; label: string; since: { dateTime: string } }; history: { title: string; actor: string }[] };
    expect(data.status).to.deep.include({ code: 'decided', label: 'Entschieden' });
    expect(data.status.since.dateTime).to.equal('2026-12-01T10:00:00+01:00');
    expect(data.history[0]).to.deep.include({ title: 'Bescheid erstellt', actor: 'Wohngeldstelle' });
    await stream.close();
  });

  it('skips the snapshot when Last-Event-ID (or ?after=) is the current revision', async () => {
    const { client, login, staffKey, seeded } = setup();
    const access = await login();
    const resumed = await client.stream(`/v1/cases/${access.caseId}/events`, { token: access.accessToken, lastEventId: String(seeded.revision) });
    const viaQuery = await client.stream(`/v1/cases/${access.caseId}/events?after=${seeded.revision}`, { token: access.accessToken });
    await client.post(`/staff/v1/cases/${access.caseId}/updates`, { staffKey, body: { history: { title: 'Neu' } } });
    expect((await resumed.next())?.id).to.equal(String(seeded.revision + 1));
    expect((await viaQuery.next())?.id).to.equal(String(seeded.revision + 1));
    const stale = await client.stream(`/v1/cases/${access.caseId}/events`, { token: access.accessToken, lastEventId: '0' });
    expect((await stale.next())?.id).to.equal(String(seeded.revision + 1));
    await Promise.all([resumed.close(), viaQuery.close(), stale.close()]);
  });

  it('refuses the stream without a valid token', async () => {
    const { client, seeded } = setup();
    const res = await client.raw(client.build('GET', `/v1/cases/${seeded.id}/events`, { headers: { Accept: 'text/event-stream' } }));
    expect(res.status).to.equal(401);
  });

  it('moves steps, adds and resolves actions, sets result and pickup in one revision', async () => {
    const { client, login, staffKey, api } = setup();
    const access = await login();
    const c = api.state.cases.cases.get(access.caseId)!;
    const last = c.steps[c.steps.length - 1]!.code;
    const res = await client.post(`/staff/v1/cases/${access.caseId}/updates`, {
      staffKey,
      body: {
        currentStep: last,
        addActionRequired: { id: 'termin', kind: 'appointment', title: 'Abholtermin buchen', description: 'Bitte buchen Sie einen Termin.', serviceId: 'dokument-abholung' },
        result: { decision: 'approved', explanation: 'Bewilligt.' },
        pickup: { ready: true, serviceId: 'dokument-abholung' },
        suspension: null,
      },
    });
    expect(res.status).to.equal(200);
    const steps = res.json.steps as { code: string; state: string }[];
    expect(steps.slice(0, -1).every((s) => s.state === 'done')).to.equal(true);
    expect(steps[steps.length - 1]!.state).to.equal('current');
    expect(res.json.actionsRequired.map((a: { id: string }) => a.id)).to.include('termin');
    expect(res.json.result).to.deep.equal({ decision: 'approved', explanation: 'Bewilligt.' });
    expect(res.json.pickup).to.deep.equal({ ready: true, serviceId: 'dokument-abholung' });
    expect(res.json).to.not.have.property('suspension');
    expect(res.json.revision).to.equal(c.revision);
    const resolved = await client.post(`/staff/v1/cases/${access.caseId}/updates`, { staffKey, body: { resolveActionRequired: 'termin', completeSteps: true, pickup: null } });
    expect(resolved.json.actionsRequired.map((a: { id: string }) => a.id)).to.not.include('termin');
    expect(resolved.json.steps.every((s: { state: string }) => s.state === 'done')).to.equal(true);
    expect(resolved.json).to.not.have.property('pickup');
  });

  it('rejects staff updates without the key, for unknown cases or steps, and empty ones', async () => {
    const { client, staffKey, seeded } = setup();
    expect((await client.post(`/staff/v1/cases/${seeded.id}/updates`, { body: { history: { title: 'x' } } })).status).to.equal(401);
    expect((await client.post(`/staff/v1/cases/${seeded.id}/updates`, { staffKey: 'wrong', body: { history: { title: 'x' } } })).status).to.equal(401);
    expect((await client.post('/staff/v1/cases/nope/updates', { staffKey, body: { history: { title: 'x' } } })).status).to.equal(404);
    const step = await client.post(`/staff/v1/cases/${seeded.id}/updates`, { staffKey, body: { currentStep: 'no_such_step' } });
    expect(step.status).to.equal(400);
    expect(step.json.errors[0].pointer).to.equal('/currentStep');
    expect((await client.post(`/staff/v1/cases/${seeded.id}/updates`, { staffKey, body: {} })).status).to.equal(400);
  });
});
