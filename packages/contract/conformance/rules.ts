/**
 * Behavioural rules of the document that one request cannot show: idempotency creates exactly one
 * resource, a taken slot answers `409 slot_taken` with `alternatives`, a proof of work is single
 * use and bound to its signature and difficulty, holds expire, the chat stream resumes after
 * `Last-Event-ID` without duplicates or gaps (and the header wins over `?after=`), a chat stream
 * without an id sends only new events, state streams send a snapshot on connect and none when
 * the resumed id is current, case lookup is no oracle, `Content-Language` names the language,
 * international e-mail addresses are taken where a citizen gives one, and CORS answers as
 * documented.
 */
import { powIsValid } from '@civic-elements/core/antibot';
import type { Answer } from './http.js';
import type { Json } from './document.js';
import { firstDifference, snapshotFailures } from './check.js';
import { Fail, Skip, omit, slotKey, solve, type Exchange, type Runner } from './runner.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Durable (id-carrying) events of a chat stream answer, as numbers. */
const durableIds = (a: Answer) => (a.events ?? []).filter((e) => e.id !== undefined).map((e) => Number(e.id));

// ---------------------------------------------------------------- appointments

export async function idempotencySingleResource(r: Runner): Promise<void> {
  await r.run('createHold', 'rule:idempotency-creates-one-resource', async () => {
    const slot = await r.freeSlot();
    const before = await r.seats(slot);
    const body = r.holdBody(slot, await r.proof());
    const key = r.fresh('idem');
    const first = await r.exchange('createHold', { json: body, idempotencyKey: key }, { status: [201] });
    if (first.failures.length) return first.failures;
    const afterFirst = await r.seats(slot);
    const second = await r.exchange('createHold', { json: body, idempotencyKey: key }, { status: [201] });
    const afterSecond = await r.seats(slot);
    const failures = [...second.failures];
    if ((second.answer.json as Json)?.holdId !== (first.answer.json as Json).holdId) failures.push('the replay created another hold id');
    if (afterFirst >= before) failures.push(`seats did not go down after the hold (${before} → ${afterFirst})`);
    if (afterSecond !== afterFirst) failures.push(`the replay took another seat (${afterFirst} → ${afterSecond})`);
    await r.helper('releaseHold', { params: { holdId: (first.answer.json as Json).holdId } }, [204]);
    const released = await r.seats(slot);
    if (released !== before) failures.push(`releasing the hold did not free its seat (${before} before, ${released} after release)`);
    return failures.length ? failures : `one hold, seats ${before} → ${afterFirst} → ${afterSecond} (replay) → ${released} (released)`;
  }, 'rule');
}

export async function slotTakenAlternatives(r: Runner): Promise<void> {
  await r.run('createHold', 'rule:slot-taken-alternatives', async () => {
    const slot = await r.freeSlot();
    const seats = await r.seats(slot);
    if (seats > 6) throw new Skip(`the first free slot has ${seats} seats; the check takes at most 6`);
    const holds: Json[] = [];
    try {
      for (let i = 0; i < seats; i++) holds.push(await r.newHold(slot));
      const x = await r.exchange('createHold', { json: r.holdBody(slot, await r.proof()) }, { status: [409], codes: ['slot_taken'] });
      const failures = [...x.failures];
      const alternatives = (x.answer.json as Json)?.alternatives;
      if (!Array.isArray(alternatives)) failures.push('slot_taken carries no alternatives array');
      else {
        if (alternatives.some((a: Json) => slotKey(a) === slotKey(slot))) failures.push('alternatives contain the taken slot');
        if (alternatives.length === 0) failures.push('no alternatives although other slots are free');
      }
      return failures.length ? failures : `${seats} hold(s) took the slot; the next got 409 slot_taken with ${alternatives.length} alternatives`;
    } finally {
      for (const h of holds) await r.helper('releaseHold', { params: { holdId: h.holdId } }, [204]).catch(() => undefined);
    }
  }, 'rule');
}

export async function proofRules(r: Runner): Promise<void> {
  await r.run('createHold', 'rule:proof-single-use', async () => {
    const used = r.state.usedProof as Json | undefined;
    if (!used) throw new Skip('needs the proof of the plan’s hold');
    const slot = await r.freeSlot();
    return (await r.exchange('createHold', { json: { ...r.holdBody(slot, used) } }, { status: [403], codes: ['proof_invalid'] })).failures;
  }, 'rule');
  await r.run('createHold', 'rule:proof-signature-bound', async () => {
    const slot = await r.freeSlot();
    const proof = await r.proof();
    // Change the first character: all its bits are data (the last one of base64url may be padding bits).
    const flipped = (proof.signature.startsWith('A') ? 'B' : 'A') + proof.signature.slice(1);
    return (await r.exchange('createHold', { json: r.holdBody(slot, { ...proof, signature: flipped }) }, { status: [403], codes: ['proof_invalid'] })).failures;
  }, 'rule');
  await r.run('createHold', 'rule:proof-insufficient-work', async () => {
    const a = await r.helper('getAntibotChallenge', {}, [200]);
    const c = a.json as Json;
    if (c.difficulty < 1) throw new Skip('difficulty 0: every nonce is valid');
    let nonce = 0;
    while (powIsValid(c.challenge, nonce, c.difficulty)) nonce++;
    const slot = await r.freeSlot();
    return (await r.exchange('createHold', { json: r.holdBody(slot, { challenge: c.challenge, nonce: String(nonce), signature: c.signature }) }, { status: [403], codes: ['proof_invalid'] })).failures;
  }, 'rule');
}

export async function holdExtensionLimit(r: Runner): Promise<void> {
  await r.run('extendHold', 'rule:hold-extension-limit', async () => {
    const hold = await r.newHold();
    const left: number = hold.extensionsLeft;
    if (left > 20) {
      await r.helper('releaseHold', { params: { holdId: hold.holdId } }, [204]);
      throw new Skip(`a new hold has ${left} extensions; the check goes up to 20`);
    }
    const failures: string[] = [];
    for (let i = left - 1; i >= 0; i--) {
      const x = await r.exchange('extendHold', { params: { holdId: hold.holdId } }, { status: [200] });
      if (x.failures.length) return [`extension ${left - i}: ${x.failures.join('; ')}`];
      if ((x.answer.json as Json).extensionsLeft !== i) failures.push(`extension ${left - i} says extensionsLeft ${(x.answer.json as Json).extensionsLeft}, expected ${i}`);
    }
    const over = await r.exchange('extendHold', { params: { holdId: hold.holdId } }, { status: [409], codes: ['hold_extension_limit'] });
    failures.push(...over.failures.map((f) => `extension ${left + 1}: ${f}`));
    await r.helper('releaseHold', { params: { holdId: hold.holdId } }, [204]);
    return failures.length ? failures : `${left} extensions, then 409 hold_extension_limit`;
  }, 'rule');
}

/**
 * Hold expiry. Needs a short TTL on the target (test mode: 5 s); the wait is at most TTL + 2 s.
 * With a long TTL the check is "not checked" unless `slow` is set.
 */
export async function holdExpiry(r: Runner): Promise<void> {
  await r.run('extendHold', 'rule:hold-expiry', async () => {
    const skew = await r.serverSkewMs();
    const slot = await r.freeSlot();
    const before = await r.seats(slot);
    const hold = await r.newHold(slot);
    const expiresLocal = Date.parse(hold.expiresAt) - skew;
    const ttl = Math.ceil((expiresLocal - Date.now()) / 1000);
    if (ttl > 30 && !r.options.slow) {
      await r.helper('releaseHold', { params: { holdId: hold.holdId } }, [204]);
      throw new Skip(`hold TTL ${ttl} s; run the target with CIVIC_HOLD_TTL_SECONDS ≤ 30 (test mode) or pass --slow`);
    }
    await sleep(expiresLocal - Date.now() + 1000);
    const failures: string[] = [];
    const extend = await r.exchange('extendHold', { params: { holdId: hold.holdId } }, { status: [409], codes: ['hold_expired'] });
    failures.push(...extend.failures.map((f) => `extendHold after expiry: ${f}`));
    const book = await r.exchange('createBooking', { json: { holdId: hold.holdId, contact: { name: 'Erika Konformität', email: r.email() }, consent: true } }, { status: [409], codes: ['hold_expired'] });
    failures.push(...book.failures.map((f) => `createBooking after expiry: ${f}`));
    const seats = await r.seats(slot);
    if (seats !== before) failures.push(`the expired hold still takes its seat (${before} before, ${seats} after expiry)`);
    const release = await r.exchange('releaseHold', { params: { holdId: hold.holdId } }, { status: [204] });
    failures.push(...release.failures.map((f) => `releaseHold after expiry: ${f}`));
    return failures.length ? failures : `TTL ${ttl} s: extend and book answer 409 hold_expired, the seat is free again, release answers 204`;
  }, 'rule');
}

/** The plan's queue and its first service, for a ticket with an e-mail notice (skips when there is none). */
function emailQueue(r: Runner): { queueLocationId: string; service: string } {
  const { queue, queueLocationId } = r.need('queue', 'queueLocationId');
  if (!queue.notifications?.email) throw new Skip('the queue offers no e-mail notifications');
  const service = queue.services?.[0]?.serviceId;
  if (!service) throw new Skip('the queue lists no services');
  return { queueLocationId, service };
}

// ---------------------------------------------------------------- international e-mail addresses

/**
 * `Email` is `format: idn-email`: an address with a Unicode domain (`…@müller-bäckerei.example`),
 * the same domain in A-label form and a non-ASCII local part are valid wherever a citizen gives an
 * address (booking, waiting list, offline chat message, queue notification), and a back end keeps
 * the address as sent. What is made on the way is cancelled again.
 */
export async function internationalEmail(r: Runner): Promise<void> {
  await r.run('createBooking', 'rule:international-email', async () => {
    const email = r.idnEmail('unicode-domain');
    const hold = await r.newHold(undefined, { late: true });
    const x = await r.exchange('createBooking', { json: { holdId: hold.holdId, contact: { name: 'Anna Müller', email }, consent: true } }, { status: [201] });
    if (x.failures.length) {
      await r.helper('releaseHold', { params: { holdId: hold.holdId } }, [204]).catch(() => undefined);
      return x.failures.map((f) => `${email}: ${f}`);
    }
    const b = x.answer.json as Json;
    const read = (await r.helper('getBooking', { params: { bookingId: b.id }, token: b.manageToken }, [200])).json as Json;
    await r.helper('cancelBooking', { params: { bookingId: b.id }, token: b.manageToken }, [204]);
    if (read.contact?.email !== email) return [`getBooking says contact.email ${JSON.stringify(read.contact?.email)}; the booking sent ${email} (kept as sent)`];
    return `booked with ${email}, read back as sent, cancelled`;
  }, 'rule');

  await r.run('joinWaitlist', 'rule:international-email', async () => {
    const { serviceId, availability } = r.need('serviceId', 'availability');
    const day = availability.horizon.from as string;
    const emails = [r.idnEmail('a-label-domain'), r.idnEmail('unicode-local')];
    const failures: string[] = [];
    for (const email of emails) {
      const x = await r.exchange('joinWaitlist', { json: { services: [{ id: serviceId, qty: 1 }], from: day, to: day, email, locale: 'de', consent: true } }, { status: [201] });
      failures.push(...x.failures.map((f) => `${email}: ${f}`));
    }
    return failures.length ? failures : `waiting list joined with ${emails.join(' and ')}`;
  }, 'rule');

  await r.run('sendOfflineMessage', 'rule:international-email', async () => {
    const email = r.idnEmail('unicode-local');
    const x = await r.exchange('sendOfflineMessage', { json: { email, text: 'Konformitätstest: eine internationale E-Mail-Adresse.', consent: true } }, { status: [201] });
    return x.failures.length ? x.failures.map((f) => `${email}: ${f}`) : `offline message with ${email} taken`;
  }, 'rule');

  await r.run('takeQueueTicket', 'rule:international-email', async () => {
    const { queueLocationId, service } = emailQueue(r);
    const email = r.idnEmail('unicode-domain');
    const x = await r.exchange('takeQueueTicket', { params: { locationId: queueLocationId }, json: { service, notify: { email, whenAhead: 1 }, locale: 'de' } }, { status: [201] });
    const code = (x.answer.json as Json)?.code;
    if (x.answer.status === 409 && (code === 'closed' || code === 'full')) throw new Skip(`the queue answered ${code}`);
    if (x.failures.length) return x.failures.map((f) => `${email}: ${f}`);
    const t = x.answer.json as Json;
    await r.helper('cancelTicket', { params: { ticketId: t.ticketId }, token: t.token }, [204]);
    return `ticket with e-mail notification to ${email} taken, cancelled`;
  }, 'rule');
}

/**
 * A refused field is named: a 400 `validation_failed` for a bad value in the body lists it in
 * `errors[]` with `in: body` and the value's own JSON Pointer. The widgets mark the form field the
 * pointer names (with its error text and the focus) instead of a general "check your details", so
 * a citizen sees which entry to correct. Checked with `anna@müller..de` (an empty domain label,
 * which a widget's loose check lets through) in every field where a citizen types an address.
 */
export async function fieldErrorPointer(r: Runner): Promise<void> {
  const bad = 'konformitaet@müller..example';
  const named = (x: Exchange, pointer: string): string[] => {
    if (x.failures.length) return x.failures.map((f) => `${bad} at ${pointer}: ${f}`);
    const errors = (x.answer.json as Json)?.errors;
    const found = Array.isArray(errors) && errors.some((e: Json) => e?.in === 'body' && e?.pointer === pointer);
    return found ? [] : [`400 for ${bad} at ${pointer}: errors[] has no entry {in: "body", pointer: "${pointer}"} (got ${JSON.stringify(errors ?? null).slice(0, 200)})`];
  };
  const expect400 = { status: [400], codes: ['validation_failed'] } as const;

  await r.run('createBooking', 'rule:field-error-pointer', async () => {
    const hold = await r.newHold(undefined, { late: true });
    try {
      const x = await r.exchange('createBooking', { json: { holdId: hold.holdId, contact: { name: 'Anna Müller', email: bad }, consent: true } }, expect400);
      const failures = named(x, '/contact/email');
      return failures.length ? failures : 'a refused contact.email is named by /contact/email';
    } finally {
      await r.helper('releaseHold', { params: { holdId: hold.holdId } }, [204]).catch(() => undefined);
    }
  }, 'rule');

  await r.run('joinWaitlist', 'rule:field-error-pointer', async () => {
    const { serviceId, availability } = r.need('serviceId', 'availability');
    const day = availability.horizon.from as string;
    const x = await r.exchange('joinWaitlist', { json: { services: [{ id: serviceId, qty: 1 }], from: day, to: day, email: bad, locale: 'de', consent: true } }, expect400);
    const failures = named(x, '/email');
    return failures.length ? failures : 'a refused email is named by /email';
  }, 'rule');

  await r.run('sendOfflineMessage', 'rule:field-error-pointer', async () => {
    const x = await r.exchange('sendOfflineMessage', { json: { email: bad, text: 'Konformitätstest: eine ungültige E-Mail-Adresse.', consent: true } }, expect400);
    const failures = named(x, '/email');
    return failures.length ? failures : 'a refused email is named by /email';
  }, 'rule');

  await r.run('takeQueueTicket', 'rule:field-error-pointer', async () => {
    const { queueLocationId, service } = emailQueue(r);
    const x = await r.exchange('takeQueueTicket', { params: { locationId: queueLocationId }, json: { service, notify: { email: bad, whenAhead: 1 }, locale: 'de' } }, expect400);
    const failures = named(x, '/notify/email');
    return failures.length ? failures : 'a refused notify.email is named by /notify/email';
  }, 'rule');
}

// ---------------------------------------------------------------- chat

async function send(r: Runner, text: string): Promise<Json> {
  const { conversationId, chatToken } = r.need('conversationId', 'chatToken');
  return (await r.helper('sendMessage', { params: { conversationId }, token: chatToken, json: { clientId: r.fresh('msg'), text } }, [201])).json;
}

export async function chatResume(r: Runner): Promise<void> {
  await r.run('streamChatEvents', 'rule:chat-resume-last-event-id', async () => {
    const { conversationId, chatToken, message } = r.need('conversationId', 'chatToken', 'message');
    const m2 = await send(r, 'Konformitätstest: zweite Nachricht.');
    const m3 = await send(r, 'Konformitätstest: dritte Nachricht.');
    const listed: Json[] = ((await r.helper('listMessages', { params: { conversationId, after: message.seq }, token: chatToken }, [200])).json as Json).items;
    // Waiting ends when everything listMessages knows has arrived (bot replies included).
    const last = Math.max(m3.seq, ...listed.map((m) => m.seq));
    const x = await r.exchange('streamChatEvents', { params: { conversationId }, token: chatToken, headers: { 'Last-Event-ID': String(message.seq) } }, { status: [200] }, {
      maxEvents: 100,
      idleMs: 4000,
      totalMs: 8000,
      until: (events) => events.some((e) => e.id !== undefined && Number(e.id) >= last),
    });
    const failures = [...x.failures];
    const ids = durableIds(x.answer);
    if (ids.some((id) => id <= message.seq)) failures.push(`replayed an event at or before Last-Event-ID ${message.seq}: ${ids.join(',')}`);
    if (new Set(ids).size !== ids.length) failures.push(`duplicate event ids: ${ids.join(',')}`);
    if (ids.some((id, i) => i > 0 && id <= ids[i - 1]!)) failures.push(`ids not strictly increasing: ${ids.join(',')}`);
    const gaps = listed.map((m) => m.seq).filter((seq: number) => !ids.includes(seq));
    if (gaps.length) failures.push(`messages ${gaps.join(',')} (listMessages after ${message.seq}) were not replayed`);
    return failures.length ? failures : `resumed after ${message.seq}: ${ids.join(',')} (including ${m2.seq} and ${m3.seq}), no duplicates, no gaps`;
  }, 'rule');

  await r.run('streamChatEvents', 'rule:chat-last-event-id-wins-over-after', async () => {
    const { conversationId, chatToken, message } = r.need('conversationId', 'chatToken', 'message');
    const listed: Json[] = ((await r.helper('listMessages', { params: { conversationId }, token: chatToken }, [200])).json as Json).items;
    const lastSeq = Math.max(0, ...listed.map((m) => m.seq));
    const x = await r.exchange('streamChatEvents', { params: { conversationId, after: 0 }, token: chatToken, headers: { 'Last-Event-ID': String(message.seq) } }, { status: [200] }, {
      maxEvents: 100,
      idleMs: 4000,
      totalMs: 8000,
      until: (events) => events.some((e) => e.id !== undefined && Number(e.id) >= lastSeq),
    });
    const ids = durableIds(x.answer);
    const failures = [...x.failures];
    if (ids.length === 0) failures.push('nothing was replayed after Last-Event-ID');
    if (ids.some((id) => id <= message.seq)) failures.push(`?after=0 won over Last-Event-ID ${message.seq}: replayed ${ids.join(',')}`);
    return failures;
  }, 'rule');

  await r.run('streamChatEvents', 'rule:chat-without-id-sends-only-new-events', async () => {
    const { conversationId, chatToken } = r.need('conversationId', 'chatToken');
    const listed: Json[] = ((await r.helper('listMessages', { params: { conversationId }, token: chatToken }, [200])).json as Json).items;
    const lastSeq = Math.max(0, ...listed.map((m) => m.seq));
    const sent: { message?: Json } = {};
    const streaming = r.exchange('streamChatEvents', { params: { conversationId }, token: chatToken }, { status: [200] }, {
      maxEvents: 100,
      idleMs: 4000,
      totalMs: 8000,
      until: (events) => sent.message !== undefined && events.some((e) => e.id !== undefined && Number(e.id) >= sent.message.seq),
    });
    await sleep(300);
    const fresh = await send(r, 'Konformitätstest: neue Nachricht während der Verbindung.');
    sent.message = fresh;
    const x = await streaming;
    const ids = durableIds(x.answer);
    const failures = [...x.failures];
    if (ids.some((id) => id <= lastSeq)) failures.push(`history was sent without Last-Event-ID/after: ${ids.join(',')} (last seq before connecting ${lastSeq})`);
    if (!ids.includes(fresh.seq)) failures.push(`the message sent while connected (seq ${fresh.seq}) did not arrive`);
    return failures;
  }, 'rule');
}

/** With the staff key: agent_joined, typing (no id) and an agent message arrive on the citizen's stream. */
export async function chatStaffEvents(r: Runner): Promise<void> {
  await r.run('streamChatEvents', 'rule:chat-staff-events', async () => {
    if (!r.options.staffKey) throw new Skip('needs --staff-key (agent_joined, typing and agent messages come from the staff side)');
    const { conversationId, chatToken } = r.need('conversationId', 'chatToken');
    const listed: Json[] = ((await r.helper('listMessages', { params: { conversationId }, token: chatToken }, [200])).json as Json).items;
    const lastSeq = Math.max(0, ...listed.map((m) => m.seq));
    const base = `/staff/v1/chat/conversations/${encodeURIComponent(conversationId)}`;
    const staff = async (path: string, json: unknown, idempotent = false) => {
      const a = await r.http.send({ method: 'POST', path: base + path, json, headers: { 'X-Staff-Key': r.options.staffKey, ...(idempotent && { 'Idempotency-Key': r.fresh('staff') }) } });
      if (a.status >= 300) throw new Fail(`staff POST ${path} answered ${a.status}`);
    };
    await staff('/join', { agent: { name: 'Frau Konformität' } });
    const streaming = r.exchange('streamChatEvents', { params: { conversationId, after: lastSeq }, token: chatToken }, { status: [200] }, {
      maxEvents: 20,
      idleMs: 4000,
      totalMs: 8000,
      until: (events) => events.some((e) => e.event === 'message' && (e.data as Json)?.author?.kind === 'agent'),
    });
    await sleep(300);
    await staff('/typing', { author: { kind: 'agent', name: 'Frau Konformität' }, active: true });
    await staff('/messages', { author: { kind: 'agent', name: 'Frau Konformität' }, text: 'Konformitätstest: Antwort der Sachbearbeitung.' }, true);
    const x = await streaming;
    const events = x.answer.events ?? [];
    const failures = [...x.failures];
    if (!events.some((e) => e.event === 'agent_joined')) failures.push('no agent_joined event');
    const typing = events.filter((e) => e.event === 'typing');
    if (typing.length === 0) failures.push('no typing event');
    if (typing.some((e) => e.id !== undefined)) failures.push('a typing event carries an id (typing is ephemeral)');
    if (!events.some((e) => e.event === 'message' && (e.data as Json)?.author?.kind === 'agent')) failures.push('the agent message did not arrive');
    return failures.length ? failures : `${events.map((e) => e.event).join(', ')}: each validates against ChatEvent`;
  }, 'rule');
}

// ---------------------------------------------------------------- state streams

/** Resume a state stream: with an old id the snapshot comes, with the current revision it does not. */
export async function stateStreamResume(r: Runner, op: string, params: Record<string, string | undefined>, token: string | undefined, event: string): Promise<void> {
  await r.run(op, 'rule:snapshot-unless-current', async () => {
    for (const [k, v] of Object.entries(params)) if (v === undefined) throw new Skip(`needs ${k}`);
    const req = { params: params as Record<string, string>, ...(token !== undefined && { token }) };
    const first = await r.exchange(op, req, { status: [200] }, { maxEvents: 1, idleMs: 5000, totalMs: 6000 });
    if (first.failures.length) return first.failures;
    const snap = snapshotFailures(first.answer, event);
    if (snap.length) return snap;
    const revision = Number(first.answer.events![0]!.id);
    const failures: string[] = [];
    if (revision > 0) {
      const old = await r.exchange(op, { ...req, headers: { 'Last-Event-ID': String(revision - 1) } }, { status: [200] }, { maxEvents: 1, idleMs: 5000, totalMs: 6000 });
      failures.push(...old.failures, ...snapshotFailures(old.answer, event).map((f) => `resumed at ${revision - 1}: ${f}`));
    }
    const current = await r.exchange(op, { ...req, headers: { 'Last-Event-ID': String(revision) } }, { status: [200] }, { maxEvents: 1, idleMs: 500, totalMs: 1000 });
    failures.push(...current.failures);
    const again = (current.answer.events ?? []).find((e) => e.event === event && e.id === String(revision));
    if (again) failures.push(`resumed at the current revision ${revision}, the stream sent the unchanged snapshot again`);
    return failures.length ? failures : `snapshot on connect (revision ${revision}), again after an older id, none after the current id`;
  }, 'rule');
}

// ---------------------------------------------------------------- cases, language, CORS

export async function caseLookupNoOracle(r: Runner): Promise<void> {
  await r.run('lookupCase', 'rule:lookup-gives-no-oracle', async () => {
    const good = r.fixtures.case ?? (r.op('lookupCase').requestBody?.content['application/json']?.examples[0] as Json);
    const wrongFactor = { ...good, secondFactor: good.secondFactor.kind === 'birthdate' ? { kind: 'birthdate', value: '1901-01-01' } : { kind: 'passcode', value: 'FALSCH-0000' } };
    const unknownRef = { ...good, reference: 'KONFORMITAET-0000-0' };
    const a = await r.exchange('lookupCase', { json: wrongFactor }, { status: [404], codes: ['case_not_found'] });
    const b = await r.exchange('lookupCase', { json: unknownRef }, { status: [404], codes: ['case_not_found'] });
    const failures = [...a.failures.map((f) => `wrong second factor: ${f}`), ...b.failures.map((f) => `unknown reference: ${f}`)];
    const strip = (j: unknown) => omit((j ?? {}) as Json, 'instance');
    const d = firstDifference(strip(a.answer.json), strip(b.answer.json));
    if (d !== undefined) failures.push(`the answers for a wrong second factor and an unknown reference differ at ${d}`);
    return failures;
  }, 'rule');
}

export async function contentLanguage(r: Runner): Promise<void> {
  await r.run('listServices', 'rule:content-language', async () => {
    const failures: string[] = [];
    for (const [asked, allowed] of [
      ['en', ['en', 'de']],
      ['xx-YY', ['de']],
      ['de-x-ls, de;q=0.9', ['de-x-ls', 'de']],
    ] as const) {
      const x = await r.exchange('listServices', { headers: { 'Accept-Language': asked } }, { status: [200] });
      failures.push(...x.failures);
      const got = x.answer.headers.get('Content-Language');
      if (!got) failures.push(`no Content-Language for Accept-Language: ${asked}`);
      else if (!(allowed as readonly string[]).includes(got.toLowerCase())) failures.push(`Accept-Language: ${asked} → Content-Language: ${got} (expected ${allowed.join(' or ')})`);
    }
    return failures;
  }, 'rule');
}

const listHas = (header: string | null, names: string[]) => {
  const have = (header ?? '').split(',').map((h) => h.trim().toLowerCase());
  return names.filter((n) => !have.includes(n.toLowerCase()));
};

export async function cors(r: Runner): Promise<void> {
  await r.run('listServices', 'rule:cors', async () => {
    const origin = r.fixtures.origin;
    if (!origin) throw new Skip('pass fixtures.origin (an origin the target allows) to check CORS');
    const failures: string[] = [];
    const pre = await r.http.send({
      method: 'OPTIONS',
      path: '/v1/services',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key, last-event-id' },
    });
    if (pre.status < 200 || pre.status > 299) failures.push(`preflight answered ${pre.status}`);
    const allowOrigin = pre.headers.get('Access-Control-Allow-Origin');
    if (allowOrigin !== origin && allowOrigin !== '*') failures.push(`preflight Access-Control-Allow-Origin ${allowOrigin}`);
    const methods = listHas(pre.headers.get('Access-Control-Allow-Methods'), ['GET', 'POST', 'PATCH', 'DELETE']);
    if (methods.length) failures.push(`Access-Control-Allow-Methods lacks ${methods.join(', ')}`);
    const headers = listHas(pre.headers.get('Access-Control-Allow-Headers'), ['Accept-Language', 'Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'X-Civic-AGS']);
    if (headers.length) failures.push(`Access-Control-Allow-Headers lacks ${headers.join(', ')}`);
    if (pre.headers.get('Access-Control-Allow-Credentials') !== null) failures.push('Access-Control-Allow-Credentials is sent (no cookies are used)');
    const get = await r.http.send({ method: 'GET', path: '/v1/services', headers: { Origin: origin } });
    const ao = get.headers.get('Access-Control-Allow-Origin');
    if (ao !== origin && ao !== '*') failures.push(`GET Access-Control-Allow-Origin ${ao}`);
    if (ao === origin && listHas(get.headers.get('Vary'), ['Origin']).length) failures.push('Vary: Origin is missing');
    const exposed = listHas(get.headers.get('Access-Control-Expose-Headers'), ['Content-Language', 'Content-Disposition', 'Idempotent-Replayed', 'Location', 'Retry-After']);
    if (exposed.length) failures.push(`Access-Control-Expose-Headers lacks ${exposed.join(', ')}`);
    if (get.headers.get('Access-Control-Allow-Credentials') !== null) failures.push('Access-Control-Allow-Credentials is sent');
    return failures;
  }, 'rule');
}

export { solve };
