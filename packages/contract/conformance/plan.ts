/**
 * The valid-input plan: one step per operation of the document, in an order where each step's
 * inputs come from earlier answers (list services → use an id; challenge → solve → hold →
 * booking → read/reschedule/cancel with the manage token; case lookup → case token; chat
 * conversation → messages → events; queue → ticket; office → ticket). A step names its operation,
 * which state feeds which parameter (`params`, `auth`), which answer fields feed later steps
 * (`capture`), the success status, and — where the document says more than the schema — a few
 * checks of what the answer must say (`then`). Operations with an `Idempotency-Key` get a replay
 * and a mismatch case; idempotent repeats (DELETE, PATCH on `holdId`, end) a repeat case.
 */
import type { Answer, StreamLimits } from './http.js';
import type { Json } from './document.js';
import { firstDifference, historyOrderFailures, icsProperty, snapshotFailures, summariseAnswer } from './check.js';
import { caseLookupNoOracle, chatResume, chatStaffEvents, holdExpiry, stateStreamResume } from './rules.js';
import { multipart, pdf, png } from './files.js';
import { Skip, solve, type Exchange, type OpRequest, type Runner, type State } from './runner.js';

export interface Step {
  op: string;
  /** State that must exist (otherwise the case is "not checked: needs …"). */
  needs?: (keyof State)[];
  /** Runs before the request (helpers that make a resource this step acts on). */
  prepare?: (r: Runner, s: State) => Promise<void>;
  /** Parameter name → state key (path and query parameters alike). */
  params?: Record<string, keyof State | { value: (s: State) => string | number }>;
  /** State key of the bearer token. */
  auth?: keyof State;
  body?: (r: Runner, s: State) => Json | Promise<Json>;
  raw?: (r: Runner, s: State) => { body: Uint8Array; contentType: string };
  /** Success statuses. */
  expect: number[];
  /** Documented refusals (problem codes) that mean "the target cannot do this now": the step is not checked. */
  refusals?: string[];
  /** How long to read an event stream (may depend on the state, e.g. stop once a known event arrived). */
  stream?: StreamLimits | ((s: State) => StreamLimits);
  /** State key → dotted path into the JSON answer. */
  capture?: Record<string, string>;
  /** Further documented facts the answer must show; may set state. */
  then?: (a: Answer, r: Runner, s: State, req: OpRequest) => string[] | void | Promise<string[] | void>;
  /** Send the same request again and expect these statuses (idempotent operations). */
  repeat?: number[];
  /** Another valid request under the same Idempotency-Key (→ 422 idempotency_mismatch). */
  variant?: (req: OpRequest, r: Runner) => OpRequest;
  /** A check started after this step that runs alongside the rest (awaited at the end). */
  background?: (r: Runner) => Promise<void>;
  /** Cases that belong right after this step (behavioural checks that need this moment's state). */
  after?: (r: Runner, first: Exchange | undefined) => Promise<void>;
}

const get = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<string, unknown>)[k]), value);
const sameInstant = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b);

function pickById(items: Json[], preferred: (string | undefined)[], ok: (x: Json) => boolean): Json | undefined {
  for (const id of preferred) {
    if (id === undefined) continue;
    const found = items.find((x) => x.id === id);
    if (found && ok(found)) return found;
  }
  return items.find(ok);
}

const example = (r: Runner, op: string, name: string) => r.op(op).parameters.find((p) => p.name === name)?.example as string | undefined;

export const PLAN: Step[] = [
  // ---------------------------------------------------------------- catalogue
  {
    op: 'listServices',
    expect: [200],
    then: (a, r, s) => {
      const items: Json[] = (a.json as Json).items ?? [];
      const fixture = r.fixtures.serviceId;
      const svc = fixture !== undefined ? items.find((x) => x.id === fixture) : pickById(items, [example(r, 'getService', 'serviceId')], (x) => x.appointmentTypes?.includes('in_person'));
      if (!svc) return [fixture ? `fixtures.serviceId ${fixture} is not in the list` : 'no service bookable in person is listed'];
      s.serviceId = svc.id;
      return [];
    },
  },
  {
    op: 'getService',
    params: { serviceId: 'serviceId' },
    expect: [200],
    then: (a, _r, s) => {
      s.service = a.json;
      return (a.json as Json).id === s.serviceId ? [] : [`answered service ${(a.json as Json).id} for ${s.serviceId}`];
    },
  },
  {
    op: 'listLocations',
    params: { service: 'serviceId' },
    expect: [200],
    then: (a, r, s) => {
      const items: Json[] = (a.json as Json).items ?? [];
      const failures = items.filter((l) => !l.services?.includes(s.serviceId)).map((l) => `location ${l.id} does not offer ${s.serviceId} but is listed for service=${s.serviceId}`);
      const fixture = r.fixtures.locationId;
      const loc = fixture !== undefined ? items.find((x) => x.id === fixture) : pickById(items, [example(r, 'getLocation', 'locationId')], (x) => x.appointmentTypes?.includes('in_person'));
      if (!loc) failures.push(fixture ? `fixtures.locationId ${fixture} is not listed for ${s.serviceId}` : `no location offers ${s.serviceId} in person`);
      else s.locationId = loc.id;
      return failures;
    },
  },
  {
    op: 'getLocation',
    params: { locationId: 'locationId' },
    expect: [200],
    then: (a, _r, s) => ((a.json as Json).id === s.locationId ? [] : [`answered location ${(a.json as Json).id} for ${s.locationId}`]),
  },
  {
    op: 'getAvailability',
    needs: ['serviceId', 'locationId'],
    params: { services: { value: (s) => `${s.serviceId}:1` }, location: 'locationId' },
    expect: [200],
    then: (a, _r, s) => {
      const body = a.json as Json;
      s.availability = body;
      const failures: string[] = [];
      const dates: string[] = (body.days ?? []).map((d: Json) => d.date);
      if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!)) failures.push('days are not in ascending order without repeats');
      if (dates.some((d) => d < body.horizon.from || d > body.horizon.to)) failures.push('a day lies outside the horizon');
      for (const d of body.days ?? []) {
        const starts: number[] = d.slots.map((x: Json) => Date.parse(x.start));
        if (starts.some((t, i) => i > 0 && t < starts[i - 1]!)) failures.push(`slots of ${d.date} are not sorted by start`);
        if (d.slots.some((x: Json) => x.location !== s.locationId)) failures.push(`${d.date} has slots of another location than ${s.locationId}`);
      }
      if (body.timeZone === undefined) failures.push('timeZone is missing although a location was given ("always with location")');
      return failures;
    },
    // Hold expiry waits for the TTL: it runs alongside everything else.
    background: (r) => holdExpiry(r),
  },
  {
    op: 'getAntibotChallenge',
    expect: [200],
    capture: { challenge: '' },
  },
  {
    op: 'createHold',
    needs: ['challenge', 'serviceId', 'locationId'],
    body: async (r, s) => {
      // Late in the horizon: the booking made from this hold must still be changeable online.
      const slot = await r.freeSlot({ late: true });
      s.holdSlot = slot;
      const body = r.holdBody(slot, await solve(s.challenge));
      s.usedProof = body.proof;
      return body;
    },
    expect: [201],
    capture: { hold: '', holdId: 'holdId' },
    then: (a, _r, s) => {
      const h = a.json as Json;
      const slot = s.holdSlot as Json;
      const failures: string[] = [];
      if (!sameInstant(h.start, slot.start)) failures.push(`hold starts ${h.start}, the slot ${slot.start}`);
      if (h.location !== slot.location) failures.push(`hold location ${h.location} ≠ ${slot.location}`);
      if (h.extensionsLeft < 10) failures.push(`a new hold has extensionsLeft ${h.extensionsLeft} (at least 10)`);
      return failures;
    },
    variant: (req) => ({ ...req, json: { ...(req.json as Json), proof: { ...(req.json as Json).proof, nonce: String(Number((req.json as Json).proof.nonce) + 1) } } }),
  },
  {
    op: 'extendHold',
    params: { holdId: 'holdId' },
    expect: [200],
    then: (a, _r, s) => {
      const e = a.json as Json;
      const failures: string[] = [];
      if (e.extensionsLeft !== s.hold.extensionsLeft - 1) failures.push(`extensionsLeft went from ${s.hold.extensionsLeft} to ${e.extensionsLeft} (expected one less)`);
      if (Date.parse(e.expiresAt) < Date.parse(s.hold.expiresAt)) failures.push('the extended expiresAt is earlier than before');
      return failures;
    },
  },
  {
    op: 'createBooking',
    needs: ['holdId'],
    body: (r, s) => ({ holdId: s.holdId, contact: { name: 'Erika Konformität', email: r.email() }, consent: true }),
    expect: [201],
    capture: { booking: '', bookingId: 'id', manageToken: 'manageToken' },
    then: (a, _r, s) => {
      const b = a.json as Json;
      const failures: string[] = [];
      if (b.status !== 'confirmed') failures.push(`a new booking has status ${b.status}`);
      if (!sameInstant(b.start, s.hold.start)) failures.push(`booking starts ${b.start}, the hold ${s.hold.start}`);
      return failures;
    },
    variant: (req) => ({ ...req, json: { ...(req.json as Json), note: 'Eine andere Anfrage unter demselben Schlüssel.' } }),
  },
  {
    op: 'getBooking',
    params: { bookingId: 'bookingId' },
    auth: 'manageToken',
    expect: [200],
    then: (a, _r, s) => {
      const b = a.json as Json;
      const failures: string[] = [];
      if (b.id !== s.bookingId) failures.push(`answered booking ${b.id}`);
      if ('manageToken' in b) failures.push('manageToken appears outside the 201 of createBooking');
      return failures;
    },
  },
  {
    op: 'getBookingIcs',
    params: { bookingId: 'bookingId' },
    auth: 'manageToken',
    expect: [200],
    then: (a, _r, s) => {
      const failures: string[] = [];
      const uid = icsProperty(a.text, 'UID');
      if (!uid?.startsWith(`${s.bookingId}@`)) failures.push(`UID ${uid} is not <booking id>@<host>`);
      const disposition = a.headers.get('Content-Disposition') ?? '';
      const reference = s.booking.reference;
      if (!/^attachment/i.test(disposition) || !disposition.includes(`termin-${reference}.ics`)) failures.push(`Content-Disposition "${disposition}" is not attachment; filename="termin-${reference}.ics"`);
      return failures;
    },
  },
  {
    op: 'rescheduleBooking',
    params: { bookingId: 'bookingId' },
    auth: 'manageToken',
    body: async (r, s) => {
      s.rescheduleHold = await r.newHold(undefined, { late: true });
      return { holdId: (s.rescheduleHold as Json).holdId };
    },
    expect: [200],
    repeat: [200],
    then: (a, _r, s) => {
      const b = a.json as Json;
      const h = s.rescheduleHold as Json;
      const failures: string[] = [];
      if (b.id !== s.bookingId || b.reference !== s.booking.reference) failures.push('id or reference changed by the reschedule');
      if (!sameInstant(b.start, h.start)) failures.push(`rescheduled booking starts ${b.start}, the new hold ${h.start}`);
      return failures;
    },
  },
  {
    op: 'cancelBooking',
    params: { bookingId: 'bookingId' },
    auth: 'manageToken',
    expect: [204],
    repeat: [204],
    then: async (_a, r, s) => {
      const b = (await r.helper('getBooking', { params: { bookingId: s.bookingId }, token: s.manageToken }, [200])).json as Json;
      return b.status === 'cancelled' ? [] : [`after cancelling, getBooking says status ${b.status}`];
    },
  },
  {
    op: 'releaseHold',
    needs: ['serviceId', 'locationId'],
    prepare: async (r, s) => {
      s.releaseHoldId = (await r.newHold()).holdId;
    },
    params: { holdId: 'releaseHoldId' },
    expect: [204],
    repeat: [204],
  },
  {
    op: 'joinWaitlist',
    needs: ['serviceId', 'availability'],
    body: (r, s) => {
      const h = s.availability.horizon;
      const to = new Date(`${h.from}T12:00:00Z`);
      to.setUTCDate(to.getUTCDate() + 14);
      const last = to.toISOString().slice(0, 10);
      return { services: [{ id: s.serviceId, qty: 1 }], ...(s.locationId && { location: s.locationId }), from: h.from, to: last < h.to ? last : h.to, email: r.email(), locale: 'de', consent: true };
    },
    expect: [201],
    variant: (req, r) => ({ ...req, json: { ...(req.json as Json), email: r.email() } }),
  },
  // ---------------------------------------------------------------- cases
  {
    op: 'lookupCase',
    body: (r) => r.fixtures.case ?? r.op('lookupCase').requestBody?.content['application/json']?.examples[0],
    expect: [200],
    capture: { caseId: 'caseId', caseToken: 'accessToken' },
    after: (r) => caseLookupNoOracle(r),
  },
  {
    op: 'getCase',
    params: { caseId: 'caseId' },
    auth: 'caseToken',
    expect: [200],
    capture: { case: '' },
    then: (a, _r, s) => [
      ...((a.json as Json).id === s.caseId ? [] : [`answered case ${(a.json as Json).id}`]),
      ...historyOrderFailures((a.json as Json).history),
    ],
  },
  {
    op: 'streamCaseEvents',
    params: { caseId: 'caseId' },
    auth: 'caseToken',
    expect: [200],
    stream: { maxEvents: 1, idleMs: 5000, totalMs: 6000 },
    then: (a, _r, s) => snapshotFailures(a, 'case.updated', (d) => (d.id === s.caseId ? [] : [`snapshot is of case ${d.id}`])),
    after: (r) => stateStreamResume(r, 'streamCaseEvents', { caseId: r.state.caseId }, r.state.caseToken, 'case.updated'),
  },
  // ---------------------------------------------------------------- chat
  {
    op: 'getChatAvailability',
    expect: [200],
    capture: { chatAvailability: '' },
  },
  {
    op: 'startConversation',
    body: (_r, s) => {
      const topic = s.chatAvailability?.topics?.[0]?.id;
      return { consent: true, locale: 'de', ...(topic && { topic }) };
    },
    expect: [201],
    refusals: ['closed'],
    capture: { conversationId: 'id', chatToken: 'token' },
    variant: (req) => ({ ...req, json: { ...(req.json as Json), locale: 'en' } }),
  },
  {
    op: 'getConversation',
    params: { conversationId: 'conversationId' },
    auth: 'chatToken',
    expect: [200],
    then: (a, _r, s) => ((a.json as Json).id === s.conversationId && (a.json as Json).status !== 'ended' ? [] : [`answered ${(a.json as Json).id} with status ${(a.json as Json).status}`]),
  },
  {
    op: 'sendMessage',
    params: { conversationId: 'conversationId' },
    auth: 'chatToken',
    body: (r) => ({ clientId: r.fresh('msg'), text: 'Konformitätstest: Welche Unterlagen brauche ich?' }),
    expect: [201],
    capture: { message: '' },
    then: (a, _r, _s, req) => {
      const m = a.json as Json;
      const sent = req.json as Json;
      const failures: string[] = [];
      if (m.clientId !== sent.clientId) failures.push(`message clientId ${m.clientId} ≠ sent ${sent.clientId}`);
      if (m.text !== sent.text) failures.push('message text differs from the sent text');
      if (m.author?.kind !== 'citizen') failures.push(`author kind ${m.author?.kind}, expected citizen`);
      return failures;
    },
    after: async (r, first) => {
      const op = 'sendMessage';
      if (!first) {
        r.skip(op, 'idempotent-replay', 'the valid request did not succeed');
        r.skip(op, 'idempotency-mismatch', 'the valid request did not succeed');
        return;
      }
      await r.run(op, 'idempotent-replay', async () => {
        const x = await r.exchange(op, first.request, { status: [200] });
        const d = firstDifference((first.answer.json as Json)?.id, (x.answer.json as Json)?.id);
        return [...x.failures, ...(d !== undefined ? ['the repeat with the same clientId returned another message'] : [])];
      }, 'rule');
      await r.run(op, 'idempotency-mismatch', async () => {
        const json = { ...(first.request.json as Json), text: 'Ein anderer Text unter derselben clientId.' };
        return (await r.exchange(op, { ...first.request, json }, { status: [422], codes: ['idempotency_mismatch'] })).failures;
      }, 'rule');
    },
  },
  {
    op: 'listMessages',
    params: { conversationId: 'conversationId' },
    auth: 'chatToken',
    expect: [200],
    then: (a, _r, s) => {
      const items: Json[] = (a.json as Json).items ?? [];
      const failures: string[] = [];
      const mine = items.filter((m) => m.clientId === s.message.clientId).length;
      if (mine !== 1) failures.push(`the sent message (clientId ${s.message.clientId}) appears ${mine} times`);
      if (items.some((m, i) => i > 0 && m.seq <= items[i - 1]!.seq)) failures.push('messages are not in ascending seq order');
      return failures;
    },
  },
  {
    op: 'streamChatEvents',
    params: { conversationId: 'conversationId', after: { value: () => 0 } },
    auth: 'chatToken',
    expect: [200],
    stream: (s) => ({ maxEvents: 100, idleMs: 4000, totalMs: 8000, until: (events) => events.some((e) => e.event === 'message' && (e.data as Json)?.id === s.message?.id) }),
    then: (a, _r, s) => {
      const events = a.events ?? [];
      const failures: string[] = [];
      if (!events.some((e) => e.event === 'message' && (e.data as Json)?.id === s.message.id)) failures.push('after=0 did not replay the sent message');
      const ids = events.filter((e) => e.id !== undefined).map((e) => Number(e.id));
      if (ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) failures.push(`event ids are not strictly increasing: ${ids.join(',')}`);
      return failures;
    },
    after: async (r) => {
      await chatResume(r);
      await chatStaffEvents(r);
    },
  },
  {
    op: 'sendTyping',
    params: { conversationId: 'conversationId' },
    auth: 'chatToken',
    body: () => ({ active: true }),
    expect: [204],
  },
  {
    op: 'uploadAttachment',
    needs: ['chatAvailability'],
    params: { conversationId: 'conversationId' },
    auth: 'chatToken',
    raw: (_r, s) => {
      const limits = s.chatAvailability.attachments;
      if (!limits || limits.maxBytes === 0) throw new Skip('the desk accepts no attachments (attachments.maxBytes 0)');
      const type: string = limits.types.includes('image/png') ? 'image/png' : limits.types.includes('application/pdf') ? 'application/pdf' : '';
      if (!type) throw new Skip(`none of the accepted types (${limits.types.join(', ')}) is PNG or PDF`);
      const bytes = type === 'image/png' ? png(0, 102, 204) : pdf('Konformitätstest');
      const name = type === 'image/png' ? 'konformitaet.png' : 'konformitaet.pdf';
      s.attachment = { id: '', bytes, type, name };
      return multipart('file', name, type, bytes);
    },
    expect: [201],
    then: (a, _r, s) => {
      const att = a.json as Json;
      s.attachment = { ...s.attachment!, id: att.id };
      const failures: string[] = [];
      if (att.size !== s.attachment.bytes.length) failures.push(`size ${att.size} ≠ ${s.attachment.bytes.length} bytes uploaded`);
      if (att.type !== s.attachment.type) failures.push(`type ${att.type} ≠ ${s.attachment.type}`);
      return failures;
    },
    variant: (req) => {
      const other = png(204, 0, 0);
      return { ...req, raw: multipart('file', 'anders.png', 'image/png', other) };
    },
    // The server checks the content, not only the declared type (while the conversation is open).
    after: async (r, first) => {
      if (!first) return r.skip('uploadAttachment', 'invalid:content-is-not-the-declared-type', 'the valid upload did not succeed');
      await r.run('uploadAttachment', 'invalid:content-is-not-the-declared-type', async () => {
          const { conversationId, chatToken } = r.need('conversationId', 'chatToken');
          const text = new TextEncoder().encode('Kein Bild, nur Text.');
          const x = await r.exchange('uploadAttachment', { params: { conversationId }, token: chatToken, raw: multipart('file', 'bild.png', 'image/png', text) }, { status: [415], codes: ['unsupported_media_type'] });
          return x.failures;
      }, 'invalid');
    },
  },
  {
    op: 'downloadAttachment',
    needs: ['attachment'],
    params: { conversationId: 'conversationId', attachmentId: { value: (s) => s.attachment!.id } },
    auth: 'chatToken',
    expect: [200],
    then: (a, _r, s) => {
      const failures: string[] = [];
      if (Buffer.compare(Buffer.from(a.bytes), Buffer.from(s.attachment!.bytes)) !== 0) failures.push('downloaded bytes differ from the upload');
      if (a.mediaType !== s.attachment!.type) failures.push(`Content-Type ${a.mediaType} ≠ the attachment's type ${s.attachment!.type}`);
      if ((a.headers.get('X-Content-Type-Options') ?? '').toLowerCase() !== 'nosniff') failures.push('X-Content-Type-Options: nosniff is missing');
      if (!/^attachment/i.test(a.headers.get('Content-Disposition') ?? '')) failures.push('Content-Disposition is not attachment');
      return failures;
    },
  },
  {
    op: 'getTranscript',
    params: { conversationId: 'conversationId' },
    auth: 'chatToken',
    expect: [200],
    then: (a, _r, s) => {
      const failures: string[] = [];
      if (!a.text.includes(s.message.text)) failures.push('the transcript does not contain the sent message');
      if (!/^attachment/i.test(a.headers.get('Content-Disposition') ?? '')) failures.push('Content-Disposition is not attachment');
      return failures;
    },
  },
  {
    op: 'endConversation',
    params: { conversationId: 'conversationId' },
    auth: 'chatToken',
    expect: [200],
    repeat: [200],
    then: (a) => ((a.json as Json).status === 'ended' ? [] : [`status ${(a.json as Json).status} after ending`]),
  },
  {
    op: 'sendOfflineMessage',
    body: (r) => ({ email: r.email(), name: 'Erika Konformität', text: 'Konformitätstest: eine Nachricht außerhalb der Servicezeiten.', locale: 'de', consent: true }),
    expect: [201],
    variant: (req) => ({ ...req, json: { ...(req.json as Json), text: 'Ein anderer Text unter demselben Schlüssel.' } }),
  },
  // ---------------------------------------------------------------- queues, tickets, offices
  {
    op: 'getQueue',
    prepare: async (r, s) => {
      s.queueLocationId = r.fixtures.queueLocationId ?? example(r, 'getQueue', 'locationId');
      if (!s.queueLocationId) throw new Skip('no queue location: pass fixtures.queueLocationId');
    },
    params: { locationId: 'queueLocationId' },
    expect: [200],
    capture: { queue: '' },
    then: (a, _r, s) => ((a.json as Json).location === s.queueLocationId ? [] : [`answered queue ${(a.json as Json).location}`]),
  },
  {
    op: 'streamQueueEvents',
    params: { locationId: 'queueLocationId' },
    expect: [200],
    stream: { maxEvents: 1, idleMs: 5000, totalMs: 6000 },
    then: (a, _r, s) => snapshotFailures(a, 'updated', (d) => (d.location === s.queueLocationId ? [] : [`snapshot is of queue ${d.location}`])),
    after: (r) => stateStreamResume(r, 'streamQueueEvents', { locationId: r.state.queueLocationId }, undefined, 'updated'),
  },
  {
    op: 'takeQueueTicket',
    needs: ['queue'],
    params: { locationId: 'queueLocationId' },
    body: (_r, s) => {
      const service = s.queue.services?.[0]?.serviceId;
      if (!service) throw new Skip('the queue lists no services');
      return { service, locale: 'de' };
    },
    expect: [201],
    refusals: ['closed', 'full'],
    capture: { ticketId: 'ticketId', ticketToken: 'token', ticket: 'ticket' },
    then: (a, _r, s) => {
      const t = a.json as Json;
      const failures: string[] = [];
      if (t.ticket?.id !== t.ticketId || t.ticket?.number !== t.number) failures.push('ticketId/number differ from the embedded ticket');
      if (t.ticket?.location !== s.queueLocationId) failures.push(`ticket location ${t.ticket?.location} ≠ ${s.queueLocationId}`);
      if (t.ticket?.state !== 'waiting') failures.push(`a new ticket is ${t.ticket?.state}`);
      return failures;
    },
    variant: (req) => ({ ...req, json: { ...(req.json as Json), locale: 'en' } }),
  },
  {
    op: 'getTicket',
    params: { ticketId: 'ticketId' },
    auth: 'ticketToken',
    expect: [200],
    then: (a, _r, s) => ((a.json as Json).id === s.ticketId ? [] : [`answered ticket ${(a.json as Json).id}`]),
  },
  {
    op: 'streamTicketEvents',
    params: { ticketId: 'ticketId' },
    auth: 'ticketToken',
    expect: [200],
    stream: { maxEvents: 1, idleMs: 5000, totalMs: 6000 },
    then: (a, _r, s) => snapshotFailures(a, 'updated', (d) => (d.id === s.ticketId ? [] : [`snapshot is of ticket ${d.id}`])),
    after: (r) => stateStreamResume(r, 'streamTicketEvents', { ticketId: r.state.ticketId }, r.state.ticketToken, 'updated'),
  },
  {
    op: 'cancelTicket',
    params: { ticketId: 'ticketId' },
    auth: 'ticketToken',
    expect: [204],
    repeat: [204],
    then: async (_a, r, s) => {
      const t = (await r.helper('getTicket', { params: { ticketId: s.ticketId }, token: s.ticketToken }, [200])).json as Json;
      return t.state === 'cancelled' ? [] : [`after cancelling, getTicket says state ${t.state}`];
    },
  },
  {
    op: 'getOffice',
    prepare: async (r, s) => {
      s.officeId = r.fixtures.officeId ?? example(r, 'getOffice', 'officeId');
      if (!s.officeId) throw new Skip('no office: pass fixtures.officeId');
    },
    params: { officeId: 'officeId' },
    expect: [200],
    capture: { office: '' },
    then: (a, _r, s) => ((a.json as Json).id === s.officeId ? [] : [`answered office ${(a.json as Json).id}`]),
  },
  {
    op: 'streamOfficeEvents',
    params: { officeId: 'officeId' },
    expect: [200],
    stream: { maxEvents: 1, idleMs: 5000, totalMs: 6000 },
    then: (a, _r, s) => snapshotFailures(a, 'updated', (d) => (d.id === s.officeId ? [] : [`snapshot is of office ${d.id}`])),
    after: (r) => stateStreamResume(r, 'streamOfficeEvents', { officeId: r.state.officeId }, undefined, 'updated'),
  },
  {
    op: 'takeOfficeTicket',
    params: { officeId: 'officeId' },
    body: () => ({ locale: 'de' }),
    expect: [201],
    refusals: ['closed', 'full'],
    capture: { officeTicketId: 'ticketId', officeTicketToken: 'token' },
    then: async (a, r, s) => {
      const t = a.json as Json;
      const failures = t.ticket?.office === s.officeId ? [] : [`ticket office ${t.ticket?.office} ≠ ${s.officeId}`];
      // Leave the waiting room again (the suite should not keep a chair waiting).
      await r.helper('cancelTicket', { params: { ticketId: t.ticketId }, token: t.token }, [204]);
      return failures;
    },
    variant: (req) => ({ ...req, json: { ...(req.json as Json), locale: 'en' } }),
  },
];

/** Builds the request of a step from the state. */
async function buildRequest(r: Runner, step: Step): Promise<OpRequest> {
  const s = r.state;
  for (const k of step.needs ?? []) if (s[k] === undefined) throw new Skip(`needs ${String(k)}, which an earlier step did not provide`);
  await step.prepare?.(r, s);
  const params: Record<string, string | number> = {};
  for (const [name, source] of Object.entries(step.params ?? {})) {
    const value = typeof source === 'object' ? source.value(s) : s[source];
    if (value === undefined) throw new Skip(`needs ${String(source)}, which an earlier step did not provide`);
    params[name] = value as string | number;
  }
  let token: string | undefined;
  if (step.auth) {
    token = s[step.auth] as string | undefined;
    if (token === undefined) throw new Skip(`needs ${String(step.auth)}, which an earlier step did not provide`);
  }
  const req: OpRequest = { params, ...(token !== undefined && { token }) };
  if (step.body) req.json = await step.body(r, s);
  if (step.raw) req.raw = step.raw(r, s);
  return req;
}

/** Runs one step: the valid case, then its replay / mismatch / repeat cases and `after`. */
export async function runStep(r: Runner, step: Step): Promise<void> {
  const op = r.op(step.op);
  let first: Exchange | undefined;
  await r.run(step.op, 'valid', async () => {
    const req = await buildRequest(r, step);
    const limits = typeof step.stream === 'function' ? step.stream(r.state) : step.stream;
    const x = await r.exchange(step.op, req, {}, limits);
    const code = (x.answer.json as Json)?.code as string | undefined;
    if (!step.expect.includes(x.answer.status)) {
      if (code && step.refusals?.includes(code) && x.failures.length === 0) {
        throw new Skip(`the target answered ${summariseAnswer(x.answer)} (a documented refusal); this path and what depends on it are not checked`);
      }
      return [`expected ${step.expect.join(' or ')}, got ${summariseAnswer(x.answer)}`, ...x.failures];
    }
    for (const [key, path] of Object.entries(step.capture ?? {})) {
      const value = path === '' ? x.answer.json : get(x.answer.json, path);
      if (value !== undefined) r.state[key] = value;
    }
    r.lastRequest.set(step.op, req);
    first = x;
    const extra = (await step.then?.(x.answer, r, r.state, req)) ?? [];
    return [...x.failures, ...extra];
  });

  const followUps: string[] = [];
  if (op.idempotencyKey) followUps.push('idempotent-replay', ...(step.variant ? ['idempotency-mismatch'] : []));
  if (step.repeat) followUps.push('idempotent-repeat');
  if (!first) {
    for (const name of followUps) r.skip(step.op, name, 'the valid request did not succeed');
    await step.after?.(r, undefined);
    return;
  }
  const x1 = first;
  if (op.idempotencyKey) {
    await r.run(step.op, 'idempotent-replay', async () => {
      const x = await r.exchange(step.op, { ...x1.request, idempotencyKey: x1.key! }, { status: [x1.answer.status] });
      const failures = [...x.failures];
      if (x.answer.headers.get('Idempotent-Replayed') !== 'true') failures.push('the replay lacks Idempotent-Replayed: true');
      const d = firstDifference(x1.answer.json, x.answer.json);
      if (d !== undefined) failures.push(`the replayed body differs from the first answer at ${d}`);
      return failures;
    }, 'rule');
    if (step.variant) {
      await r.run(step.op, 'idempotency-mismatch', async () => {
        const req = { ...step.variant!(x1.request, r), idempotencyKey: x1.key! };
        return (await r.exchange(step.op, req, { status: [422], codes: ['idempotency_mismatch'] })).failures;
      }, 'rule');
    }
  }
  if (step.repeat) {
    await r.run(step.op, 'idempotent-repeat', async () => (await r.exchange(step.op, x1.request, { status: step.repeat! })).failures, 'rule');
  }
  await step.after?.(r, x1);
}

