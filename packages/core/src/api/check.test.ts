import { expect } from '@open-wc/testing';
import * as c from './check.js';
import { CheckError, type Check, type Infer } from './check.js';
import type { Problem } from './errors.js';
import type * as contract from '@civic-elements/contract';

/** The CheckError a check throws for `value`. */
function error(check: Check<unknown>, value: unknown): CheckError {
  try {
    check(value);
  } catch (e) {
    expect(e).to.be.instanceOf(CheckError);
    return e as CheckError;
  }
  throw new Error('expected the check to fail');
}

const failsAt = (check: Check<unknown>, value: unknown) => {
  const e = error(check, value);
  return `${e.expected} at ${e.path}`;
};

describe('check', () => {
  it('primitives accept their type and reject others', () => {
    expect(c.string()('a')).to.equal('a');
    expect(failsAt(c.string(), 1)).to.equal('string at $');
    expect(c.number()(1.5)).to.equal(1.5);
    for (const bad of ['1', NaN, Infinity, null]) expect(failsAt(c.number(), bad)).to.equal('number at $');
    expect(c.integer()(3)).to.equal(3);
    expect(failsAt(c.integer(), 3.5)).to.equal('integer at $');
    expect(c.boolean()(false)).to.equal(false);
    expect(failsAt(c.boolean(), 0)).to.equal('boolean at $');
    const anything = { a: 1 };
    expect(c.unknown()(anything)).to.equal(anything);
  });

  it('literal and enum accept only the listed values', () => {
    const state = c.literal('waiting', 'called');
    expect(state('called')).to.equal('called');
    expect(failsAt(state, 'served')).to.equal('one of ["waiting","called"] at $');
    const kind = c.enum(['citizen', 'agent', 'bot', 'system']);
    expect(kind('bot')).to.equal('bot');
    expect(failsAt(kind, 'Bot')).to.equal('one of ["citizen","agent","bot","system"] at $');
    expect(c.oneOf([1, null])(null)).to.equal(null);
  });

  it('dateTime accepts RFC 3339 date-times with an offset and stays a string', () => {
    for (const ok of ['2026-03-02T09:30:00+01:00', '2026-03-02T08:30:00Z', '2026-03-02t08:30:00.125z']) {
      expect(c.dateTime()(ok)).to.equal(ok);
    }
    for (const bad of ['2026-03-02', '2026-03-02T09:30:00', '2026-03-02 09:30:00Z', '2026-13-02T09:30:00Z', 1, 'tomorrow']) {
      expect(failsAt(c.dateTime(), bad)).to.equal('date-time at $');
    }
  });

  it('date accepts RFC 3339 full dates', () => {
    expect(c.date()('2026-03-02')).to.equal('2026-03-02');
    for (const bad of ['2026-3-2', '2026-02-30x', '2026-13-01', 20260302]) {
      expect(failsAt(c.date(), bad)).to.equal('date at $');
    }
  });

  it('array checks every item and names the failing index', () => {
    const list = c.array(c.string());
    expect(list(['a', 'b'])).to.deep.equal(['a', 'b']);
    expect(failsAt(list, ['a', 2])).to.equal('string at $[1]');
    expect(failsAt(list, { 0: 'a' })).to.equal('array at $');
  });

  it('object checks its keys, keeps extra keys and names nested paths', () => {
    const slot = c.object({ start: c.dateTime(), seats: c.integer() });
    const day = c.object({ date: c.date(), slots: c.array(slot) });
    const value = { date: '2026-03-02', slots: [{ start: '2026-03-02T09:30:00+01:00', seats: 1, extra: 'kept' }] };
    expect(day(value)).to.equal(value);
    expect(day(value).slots[0]).to.have.property('extra', 'kept');
    expect(failsAt(day, { date: '2026-03-02', slots: [value.slots[0], { start: 'x', seats: 1 }] })).to.equal(
      'date-time at $.slots[1].start',
    );
    expect(failsAt(day, { slots: [] })).to.equal('date at $.date');
    for (const bad of [null, [], 'x']) expect(failsAt(day, bad)).to.equal('object at $');
  });

  it('optional allows a missing key, nullable allows null, and neither allows the other', () => {
    const o = c.object({ a: c.optional(c.string()), b: c.nullable(c.string()) });
    expect(o({ b: null })).to.deep.equal({ b: null });
    expect(o({ a: 'x', b: 'y' })).to.deep.equal({ a: 'x', b: 'y' });
    expect(failsAt(o, { a: null, b: null })).to.equal('string at $.a');
    expect(failsAt(o, {})).to.equal('string at $.b');
  });

  it('record checks every value; identifier-like keys appear in the path, free text does not', () => {
    const days = c.record(c.array(c.integer()));
    expect(days({ '2026-03-02': [1] })).to.deep.equal({ '2026-03-02': [1] });
    expect(failsAt(days, { '2026-03-02': [1, 'x'] })).to.equal('integer at $.2026-03-02[1]');
    expect(failsAt(days, { 'erika@example.org': 'x' })).to.equal('array at $[…]');
    expect(failsAt(days, [])).to.equal('object at $');
  });

  it('union takes the first member that accepts the value', () => {
    const u = c.union(c.string(), c.object({ n: c.number() }));
    expect(u('a')).to.equal('a');
    expect(u({ n: 1 })).to.deep.equal({ n: 1 });
    expect(failsAt(u, { n: 'x' })).to.equal('a union member at $');
  });

  it('union passes on errors that are not check failures', () => {
    const broken: Check<never> = () => {
      throw new TypeError('bug');
    };
    expect(() => c.union(broken, c.string())('a')).to.throw(TypeError, 'bug');
  });

  it('error messages name the path and the expectation, never the value', () => {
    const e = error(c.object({ contact: c.object({ email: c.integer() }) }), { contact: { email: 'erika@example.org' } });
    expect(e.message).to.equal('expected integer at $.contact.email');
    expect(e.name).to.equal('CheckError');
    expect(JSON.stringify({ ...e, m: e.message, s: e.stack })).not.to.contain('erika');
  });

  it('infers TypeScript types (checked by tsc)', () => {
    const ticket = c.object({
      ticketId: c.string(),
      number: c.integer(),
      state: c.enum(['waiting', 'called', 'served', 'missed']),
      joinUrl: c.optional(c.string()),
      desk: c.nullable(c.string()),
      services: c.array(c.object({ id: c.string(), qty: c.integer() })),
      waitByService: c.record(c.number()),
      kind: c.union(c.literal('a'), c.literal(1)),
    });
    type Ticket = Infer<typeof ticket>;
    const t: Ticket = {
      ticketId: 't',
      number: 1,
      state: 'called',
      desk: null,
      services: [{ id: 's', qty: 1 }],
      waitByService: { s: 3 },
      kind: 1,
    };
    // @ts-expect-error `state` is a closed set of values
    const wrongState: Ticket = { ...t, state: 'lost' };
    const { desk: _desk, ...noDesk } = t;
    // @ts-expect-error `desk` is required (nullable is not optional)
    const missingDesk: Ticket = noDesk;
    // @ts-expect-error `kind` is 'a' | 1
    const wrongKind: Ticket = { ...t, kind: 'b' };
    expect([wrongState.state, missingDesk.desk, wrongKind.kind]).to.deep.equal(['lost', undefined, 'b']);
    expect(ticket(t)).to.equal(t);
  });

  it("produces types compatible with the contract's generated types (checked by tsc)", () => {
    // A check covering every field of a schema gives exactly the contract type, both ways.
    const slot = c.object({ start: c.dateTime(), end: c.dateTime(), seats: c.integer(), location: c.string() });
    const fromCheck: contract.Slot = slot({
      start: '2026-12-07T09:30:00+01:00',
      end: '2026-12-07T09:45:00+01:00',
      seats: 1,
      location: 'rathaus',
    });
    const back: Infer<typeof slot> = fromCheck;

    // A widget checks only the fields it reads: the result is a Pick of the contract type.
    const ticket = c.object({
      id: c.string(),
      state: c.enum(['waiting', 'called', 'served', 'missed', 'cancelled']),
      joinUrl: c.optional(c.string()),
      desk: c.optional(c.unknown()),
    });
    type TicketView = Pick<contract.Ticket, 'id' | 'state' | 'joinUrl'>;
    const view: TicketView = ticket({ id: 't1', state: 'called', extra: 1 });
    // @ts-expect-error a state the contract does not know is not a contract state
    const wrong: TicketView['state'] = c.enum(['lost', 'called'])('called');

    // The client's Problem type accepts every contract problem document.
    const p: contract.Problem = { type: 'urn:civic:problem:slot_taken', title: 'x', status: 409, code: 'slot_taken' };
    const asClientProblem: Problem = p;

    expect([back.seats, view.state, wrong, asClientProblem.code]).to.deep.equal([1, 'called', 'called', 'slot_taken']);
  });
});
