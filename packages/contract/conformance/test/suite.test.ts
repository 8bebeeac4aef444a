// Unit tests of the suite's own parts (no server): the document reader, the answer checks, the
// event-stream reader, invalid-input derivation, the plan's coverage of the document, fixtures.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { ContractDocument } from '../document.js';
import { allowedCodes, checkAnswer, checkCalendar, firstDifference, icsProperty, snapshotFailures } from '../check.js';
import type { Answer } from '../http.js';
import { SseReader, parseEventStream } from '../sse.js';
import { invalidCases, violation } from '../invalid.js';
import { PLAN } from '../plan.js';
import { Runner } from '../runner.js';
import { parseFixtures } from '../fixtures.js';
import { multipart, pdf, png } from '../files.js';
import { formatReport } from '../report.js';

const doc = ContractDocument.load();
const runner = new Runner(doc, { baseUrl: 'http://127.0.0.1:9' });

function answer(status: number, body: unknown, headers: Record<string, string> = {}, mediaType = 'application/json'): Answer {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const h = new Headers({ 'Content-Type': mediaType, ...headers });
  const a: Answer = { status, headers: h, mediaType, text, bytes: new TextEncoder().encode(text), ms: 1 };
  if (/json$/.test(mediaType)) a.json = JSON.parse(text);
  return a;
}

const problem = (status: number, code: string, extra: object = {}) => ({ type: `urn:civic:problem:${code}`, title: 'Titel', status, code, ...extra });

describe('document', () => {
  test('reads every operation of openapi.yaml (paths × methods) with merged parameters', () => {
    assert.equal(doc.operations.length, 39);
    const hold = doc.operation('createHold');
    assert.equal(hold.method, 'POST');
    assert.equal(hold.idempotencyKey, true);
    assert.deepEqual(
      hold.parameters.map((p) => p.name),
      ['Accept-Language', 'X-Civic-AGS', 'Idempotency-Key'],
    );
    assert.deepEqual(doc.operation('getBooking').security, ['manageToken']);
    assert.deepEqual(doc.operation('getService').security, []);
    assert.equal(doc.problemStatus.slot_taken, 409);
  });

  test('oneOf errors name the branch the value meant (discriminated by its constant)', () => {
    const at = doc.operation('streamQueueEvents').responses['200']!.content['text/event-stream']!.schema!;
    const errors = doc.validate(at, { event: 'ticker', id: '3', data: { text: 5 } });
    assert.ok(errors.length > 0);
    assert.ok(errors.every((e) => e.path.startsWith('/data/text') || e.path === '/data/text'), JSON.stringify(errors));
  });
});

describe('checkAnswer', () => {
  const getService = doc.operation('getService');
  test('a conforming answer has no failures', () => {
    const body = { id: 'x', name: 'N', description: '', durationMinutes: 10, maxQuantity: 1, requiredDocuments: [], fee: null, appointmentTypes: ['in_person'] };
    assert.deepEqual(checkAnswer(doc, getService, answer(200, body)), []);
  });
  test('a missing required field, an undeclared status, a 4xx not covered by default', () => {
    assert.match(checkAnswer(doc, getService, answer(200, { id: 'x' })).join(), /must have required property 'name'/);
    assert.match(checkAnswer(doc, getService, answer(202, {})).join(), /status 202 is not declared/);
    assert.match(checkAnswer(doc, getService, answer(409, problem(409, 'conflict'), {}, 'application/problem+json')).join(), /status 409 is not declared/);
  });
  test('default covers 500 internal and 503 unavailable only', () => {
    assert.deepEqual(checkAnswer(doc, getService, answer(503, problem(503, 'unavailable'), {}, 'application/problem+json')), []);
    assert.match(checkAnswer(doc, getService, answer(404, { ...problem(404, 'not_found'), code: undefined }, {}, 'application/problem+json')).join(), /required property 'code'/);
  });
  test('problem code allowed for the response, status member and code status agree', () => {
    const extend = doc.operation('extendHold');
    assert.match(checkAnswer(doc, extend, answer(404, problem(404, 'not_found'), {}, 'application/problem+json')).join(), /must be one of \["hold_not_found"\]/);
    assert.match(checkAnswer(doc, extend, answer(404, problem(400, 'hold_not_found'), {}, 'application/problem+json')).join(), /status member 400 ≠ HTTP status 404/);
    assert.match(checkAnswer(doc, extend, answer(404, problem(404, 'hold_not_found')), { status: [404] }).join(), /content type application\/json; the document declares application\/problem\+json/);
  });
  test('429 needs Retry-After equal to retryAfter', () => {
    const list = doc.operation('listServices');
    assert.match(checkAnswer(doc, list, answer(429, problem(429, 'rate_limited', { retryAfter: 3 }), {}, 'application/problem+json')).join(), /Retry-After is missing \(required\)/);
    assert.match(checkAnswer(doc, list, answer(429, problem(429, 'rate_limited', { retryAfter: 3 }), { 'Retry-After': '5' }, 'application/problem+json')).join(), /Retry-After 5 ≠ retryAfter 3/);
    assert.deepEqual(checkAnswer(doc, list, answer(429, problem(429, 'rate_limited', { retryAfter: 3 }), { 'Retry-After': '3' }, 'application/problem+json')), []);
  });
  test('declared headers: Cache-Control no-store, 204 without body, expectation mismatch', () => {
    const release = doc.operation('releaseHold');
    assert.match(checkAnswer(doc, release, answer(204, 'x', {}, '')).join(), /declares no body/);
    const challenge = doc.operation('getAntibotChallenge');
    const body = { algorithm: 'SHA-256', challenge: 'abcdefgh', difficulty: 1, expiresAt: '2026-12-01T10:00:00+01:00', signature: 'abcdefgh' };
    assert.match(checkAnswer(doc, challenge, answer(200, body)).join(), /header Cache-Control is missing/);
    assert.deepEqual(checkAnswer(doc, challenge, answer(200, body, { 'Cache-Control': 'private, no-store' })), []);
    assert.match(checkAnswer(doc, challenge, answer(200, body, { 'Cache-Control': 'no-store' }), { status: [201] }).join(), /expected 201, got 200/);
  });
  test('event streams: each event validated, data must be one line of JSON', () => {
    const stream = doc.operation('streamOfficeEvents');
    const a = answer(200, '', { 'Cache-Control': 'no-store' }, 'text/event-stream');
    a.events = parseEventStream('event: updated\nid: 1\ndata: {"id":"x"}\n\nevent: updated\ndata: {nope\n\n');
    const failures = checkAnswer(doc, stream, a).join('\n');
    assert.match(failures, /event 1 \(updated\): \/data must have required property 'name'/);
    assert.match(failures, /event 2 \(updated\): data is not JSON/);
  });
  test('allowedCodes reads the code enums of a response', () => {
    assert.deepEqual(allowedCodes(doc, doc.operation('createHold'), 409).sort(), ['idempotency_in_progress', 'slot_taken']);
    assert.deepEqual(allowedCodes(doc, doc.operation('getService'), 404), ['not_found']);
    assert.deepEqual(allowedCodes(doc, doc.operation('extendHold'), 404), ['hold_not_found']);
  });
  test('snapshot: first event of a state stream, id = revision', () => {
    const a = answer(200, '', {}, 'text/event-stream');
    a.events = parseEventStream('event: updated\nid: 4\ndata: {"revision":3}\n\n');
    assert.match(snapshotFailures(a, 'updated').join(), /snapshot id "4" ≠ its revision 3/);
    a.events = [];
    assert.match(snapshotFailures(a, 'updated').join(), /no event arrived/);
  });
  test('firstDifference names the first differing path', () => {
    assert.equal(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), undefined);
    assert.equal(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }), '/a/1/b');
  });
});

describe('calendar and event-stream readers', () => {
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//DE', 'BEGIN:VEVENT', 'UID:abc@host', 'DTSTAMP:20261201T090000Z', 'DTSTART:20261207T083000Z', 'SUMMARY:Lang', ' er Text', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  test('a well-formed calendar passes; bare LF and a missing UID are found; folded lines unfold', () => {
    assert.deepEqual(checkCalendar(ics), []);
    assert.match(checkCalendar(ics.replace(/\r\n/g, '\n')).join(), /CRLF/);
    assert.match(checkCalendar(ics.replace('UID:abc@host\r\n', '')).join(), /VEVENT lacks UID/);
    assert.equal(icsProperty(ics, 'SUMMARY'), 'Langer Text');
  });
  test('SseReader: CR, LF and CRLF across chunks, comments, events without id, multi-line data', () => {
    const r = new SseReader();
    const events = [...r.push('event: typing\r'), ...r.push('\ndata: {"a":1}\r\n\r'), ...r.push('\n: ping\n\nid: 7\nevent: message\ndata: {"b":\ndata: 2}\n\n')];
    assert.equal(events.length, 2);
    assert.deepEqual(events[0], { event: 'typing', dataText: '{"a":1}', dataLines: 1, data: { a: 1 } });
    assert.equal(events[1]!.id, '7');
    assert.equal(events[1]!.dataLines, 2);
    assert.deepEqual(events[1]!.data, { b: 2 });
    assert.deepEqual(r.comments, ['ping']);
  });
});

describe('invalid input derivation', () => {
  test('violations come from the schema: pattern, minimum, format, enum, maxLength', () => {
    assert.deepEqual(violation(runner, { $ref: '#/components/schemas/Id' }), { value: '-leading-dash', what: 'does not match ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' });
    assert.equal(violation(runner, { type: 'integer', minimum: 1 })!.value, '0');
    assert.equal(violation(runner, { type: 'string', format: 'date' })!.value, '2026-02-30');
    assert.equal(violation(runner, { $ref: '#/components/schemas/AppointmentType' })!.what, 'not one of the enum');
    assert.equal(violation(runner, { type: 'string', maxLength: 3 })!.value, 'xxxx');
  });
  test('a personal operation gets token cases; a creating POST key and body cases; all from the document', () => {
    const names = (op: string) => invalidCases(runner, doc.operation(op)).map((c) => `${c.name} ${c.status}`);
    assert.deepEqual(names('getBooking'), ['invalid:no-token 401', 'invalid:wrong-token 401', 'invalid:unknown-id-wrong-token 401']);
    const hold = names('createHold');
    for (const n of ['invalid:missing-idempotency-key 400', 'invalid:body-unknown-property 400', 'invalid:body-missing-location 400', 'invalid:body-wrong-type-location 400', 'invalid:body-bad-format-start 400', 'invalid:body-unparsable 400']) {
      assert.ok(hold.includes(n), `${n} in ${hold.join(', ')}`);
    }
    assert.ok(names('getService').includes('invalid:unknown-serviceId 404'));
    assert.ok(names('getAvailability').includes('invalid:query-services-missing 400'));
    assert.deepEqual(names('getAntibotChallenge'), []);
  });
  test('an idn-email field gets a bad-format case (sendOfflineMessage): the e-mail field is not left unchecked', () => {
    assert.deepEqual(violation(runner, { $ref: '#/components/schemas/Email' }), { value: 'not-an-email', what: 'not a idn-email' });
    const c = invalidCases(runner, doc.operation('sendOfflineMessage')).find((x) => x.name === 'invalid:body-bad-format-email');
    assert.equal((c?.request.json as { email?: string } | undefined)?.email, 'not-an-email');
  });
  test('answers are checked with idn-email: international addresses conform, malformed ones do not', () => {
    const email = { pointer: '/components/schemas/Email', schema: doc.at('/components/schemas/Email') };
    for (const ok of ['anna@müller-bäckerei.de', 'anna@xn--mller-bckerei-hfb76a.de', 'jörg@example.de']) assert.deepEqual(doc.validate(email, ok), [], ok);
    for (const bad of ['anna@müller', 'anna@xn--zz.de']) assert.match(doc.validate(email, bad).map((e) => e.message).join(), /must match format "idn-email"/, bad);
  });
  test('expected codes follow the document (hold_not_found where the operation declares it)', () => {
    const c = invalidCases(runner, doc.operation('extendHold')).find((x) => x.name === 'invalid:unknown-holdId');
    assert.deepEqual(c?.codes, ['hold_not_found']);
  });
});

describe('plan', () => {
  test('has a valid step for every operation of the document, and only those', () => {
    const planned = PLAN.map((s) => s.op).sort();
    assert.deepEqual(planned, doc.operations.map((o) => o.operationId).sort());
  });
  test('every Idempotency-Key operation has a variant body for the mismatch case', () => {
    for (const op of doc.operations.filter((o) => o.idempotencyKey)) {
      assert.ok(PLAN.find((s) => s.op === op.operationId)?.variant, `${op.operationId} has no variant`);
    }
  });
});

describe('fixtures, files and report', () => {
  test('parseFixtures accepts the documented keys and rejects others', () => {
    assert.deepEqual(parseFixtures({ serviceId: 'a', case: { reference: 'R', secondFactor: { kind: 'passcode', value: 'P' } } }), { serviceId: 'a', case: { reference: 'R', secondFactor: { kind: 'passcode', value: 'P' } } });
    assert.throws(() => parseFixtures({ serviceID: 'a' }), /unknown keys serviceID/);
    assert.throws(() => parseFixtures({ case: { reference: 'R' } }), /case must be/);
    assert.throws(() => parseFixtures({ origin: 'https://x/y' }), /origin/);
  });
  test('png() is a real PNG (signature, IHDR, inflatable IDAT); pdf() and multipart() have their shape', () => {
    const p = Buffer.from(png(1, 2, 3));
    assert.deepEqual([...p.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const idat = p.indexOf('IDAT');
    const length = p.readUInt32BE(idat - 4);
    assert.deepEqual([...inflateSync(p.subarray(idat + 4, idat + 4 + length))], [0, 1, 2, 3]);
    assert.match(new TextDecoder().decode(pdf('T')), /^%PDF-1\.4[\s\S]*%%EOF\n$/);
    const m = multipart('file', 'a.png', 'image/png', new Uint8Array([1]));
    assert.match(m.contentType, /^multipart\/form-data; boundary=/);
    assert.match(Buffer.from(m.body).toString('latin1'), /name="file"; filename="a.png"\r\nContent-Type: image\/png\r\n\r\n\x01\r\n--/);
  });
  test('formatReport lists failures with their reason and ends with the counts', () => {
    const text = formatReport({
      baseUrl: 'http://x',
      results: [
        { operationId: 'listServices', case: 'valid', ok: true, reason: 'conforms' },
        { operationId: 'getService', case: 'valid', ok: false, reason: 'body / must have required property name', request: 'GET /v1/services/a', status: 200 },
      ],
      coverage: { operations: 39, exercised: 38, percent: 97.4, missing: ['getOffice (valid)'], invalidApplicable: 37, invalidExercised: 37 },
      rules: ['rule:cors'],
      passed: 1,
      failed: 1,
      skipped: 0,
      ok: false,
      durationMs: 1000,
    });
    assert.match(text, /FAIL getService \(0\/1\)\n {5}FAIL valid — body \/ must have required property name \[GET \/v1\/services\/a → 200\]/);
    assert.match(text, /Not exercised: getOffice \(valid\)/);
    assert.match(text, /1 passed, 1 failed, 0 skipped\nDOES NOT CONFORM$/);
  });
});
