/**
 * The machinery the plan, the invalid-input cases and the behavioural rules share: turning
 * `{operationId, parameters by name, body, token}` into an HTTP request from the document's
 * path template and parameter locations, checking every answer against the document, recording
 * one result per (operation, case), and the few helpers several steps need (a solved proof of
 * work, a free slot, a fresh hold).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { solvePow } from '@civic-elements/core/antibot';
import { HttpClient, HttpError, describe, type Answer, type Call, type StreamLimits } from './http.js';
import { checkAnswer, summariseAnswer, type Expectation } from './check.js';
import type { ContractDocument, Json, OperationInfo } from './document.js';

/** Known-good data of the target; everything is optional (defaults come from the document's examples). */
export interface Fixtures {
  /** A bookable service (in person) with free slots at `locationId`. */
  serviceId?: string;
  locationId?: string;
  /** A case reference and second factor that `lookupCase` accepts. */
  case?: { reference: string; secondFactor: { kind: 'birthdate' | 'passcode'; value: string } };
  /** A location with a walk-in queue that takes online tickets now. */
  queueLocationId?: string;
  /** A virtual office open now. */
  officeId?: string;
  /** An origin the target's CORS configuration allows (enables the CORS check). */
  origin?: string;
}

export interface CaseResult {
  operationId: string;
  /** `valid`, `invalid:<what>`, `idempotent-replay`, `rule:<name>`, … */
  case: string;
  ok: boolean;
  /** Not checked (a precondition of the target, e.g. a long hold TTL): neither pass nor fail. */
  skipped?: boolean;
  /** Why it failed or was skipped; what was checked when it passed. */
  reason: string;
  /** `METHOD path` and status of the (last) request of the case. */
  request?: string;
  status?: number;
}

/** A precondition is missing: the case is reported as not checked. */
export class Skip extends Error {}
/** The case failed for the given reason. */
export class Fail extends Error {}

/** What a step or case asks of one operation; parameters by name, placed as the document says. */
export interface OpRequest {
  params?: Record<string, string | number | undefined>;
  headers?: Record<string, string | undefined>;
  json?: unknown;
  raw?: { body: string | Uint8Array; contentType: string };
  token?: string;
  /** `Idempotency-Key`: a value, `false` to leave it out; default a fresh key when the operation requires one. */
  idempotencyKey?: string | false;
}

export interface Exchange {
  answer: Answer;
  request: OpRequest;
  /** The Idempotency-Key that was sent. */
  key?: string;
  failures: string[];
}

/** What the plan learns on its way and later cases reuse. */
export interface State {
  serviceId?: string;
  locationId?: string;
  service?: Json;
  availability?: Json;
  slot?: Json;
  challenge?: Json;
  hold?: Json;
  holdId?: string;
  booking?: Json;
  bookingId?: string;
  manageToken?: string;
  caseId?: string;
  caseToken?: string;
  case?: Json;
  chatAvailability?: Json;
  conversationId?: string;
  chatToken?: string;
  message?: Json;
  attachment?: { id: string; bytes: Uint8Array; type: string; name: string };
  queueLocationId?: string;
  queue?: Json;
  ticketId?: string;
  ticketToken?: string;
  ticket?: Json;
  officeId?: string;
  office?: Json;
  officeTicketId?: string;
  officeTicketToken?: string;
  [key: string]: unknown;
}

export interface RunnerOptions {
  baseUrl: string;
  fixtures?: Fixtures;
  staffKey?: string;
  /** Wait for long hold TTLs too (the expiry check). */
  slow?: boolean;
  timeoutMs?: number;
  /** Progress lines (the CLI prints them with --verbose). */
  log?: (line: string) => void;
}

export class Runner {
  readonly http: HttpClient;
  readonly results: CaseResult[] = [];
  readonly state: State = {};
  /** The last valid request of each operation (baseline for invalid cases). */
  readonly lastRequest = new Map<string, OpRequest>();
  /** Operations a case actually sent a request for, by kind (`valid`, `invalid`). */
  readonly exercised = new Map<string, Set<string>>();
  /**
   * Slots some step uses. A new claim keeps two hours away from every earlier one at the same
   * location, so appointments longer than one slot unit never share a unit and seat counts of
   * concurrent checks do not disturb each other.
   */
  readonly claimedSlots: { location: string; start: number }[] = [];
  private readonly runId = randomUUID().slice(0, 8);
  private counter = 0;
  /** The case in progress (cases of background checks run concurrently with the plan). */
  private readonly current = new AsyncLocalStorage<{ operationId: string; request?: string; status?: number }>();

  constructor(
    readonly doc: ContractDocument,
    readonly options: RunnerOptions,
  ) {
    this.http = new HttpClient({
      baseUrl: options.baseUrl,
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      onExchange: (call, a) => options.log?.(`  ${call.method} ${call.path} → ${a.status} (${a.ms.toFixed(0)} ms)`),
    });
  }

  get fixtures(): Fixtures {
    return this.options.fixtures ?? {};
  }

  op(operationId: string): OperationInfo {
    return this.doc.operation(operationId);
  }

  /** A fresh, valid Idempotency-Key / clientId / e-mail local part, unique per run. */
  fresh(prefix = 'conf'): string {
    return `${prefix}-${this.runId}-${++this.counter}-${randomUUID().slice(0, 8)}`;
  }

  email(): string {
    return `conformance+${this.runId}-${++this.counter}@example.org`;
  }

  /**
   * A fresh internationalised address (RFC 6531, the contract's `idn-email`) under the reserved
   * top-level domain `.example`, unique per run: with a Unicode domain, the same domain in A-label
   * form, or a non-ASCII local part as well.
   */
  idnEmail(kind: 'unicode-domain' | 'a-label-domain' | 'unicode-local'): string {
    const n = `${this.runId}-${++this.counter}`;
    if (kind === 'unicode-domain') return `conformance+${n}@müller-bäckerei.example`;
    if (kind === 'a-label-domain') return `conformance+${n}@xn--mller-bckerei-hfb76a.example`;
    return `jörg.konformität+${n}@müller-bäckerei.example`;
  }

  /** Builds the HTTP call for an operation from the document's template and parameter locations. */
  buildCall(op: OperationInfo, req: OpRequest): { call: Call; key?: string } {
    let path = op.path;
    const query: Record<string, string> = {};
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.params ?? {})) {
      if (value === undefined) continue;
      const p = op.parameters.find((x) => x.name === name && x.in !== 'header');
      if (!p) throw new Error(`${op.operationId} has no path or query parameter ${name}`);
      if (p.in === 'path') path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
      else query[name] = String(value);
    }
    const missing = /\{(\w+)\}/.exec(path);
    if (missing) throw new Error(`${op.operationId}: no value for path parameter ${missing[1]}`);
    const streams = Object.keys(op.responses['200']?.content ?? {}).includes('text/event-stream');
    headers.Accept = streams ? 'text/event-stream' : 'application/json, application/problem+json;q=0.9, */*;q=0.8';
    let key: string | undefined;
    if (req.idempotencyKey !== false && (req.idempotencyKey !== undefined || op.idempotencyKey)) {
      key = req.idempotencyKey ?? this.fresh('idem');
      headers['Idempotency-Key'] = key;
    }
    Object.assign(headers, req.headers);
    const call: Call = {
      method: op.method,
      path,
      query,
      headers,
      ...(req.json !== undefined && { json: req.json }),
      ...(req.raw && { raw: req.raw }),
      ...(req.token !== undefined && { token: req.token }),
    };
    return { call, ...(key !== undefined && { key }) };
  }

  /** Sends a request for an operation and checks the answer against the document. */
  async exchange(operationId: string, req: OpRequest, expect: Expectation = {}, limits?: StreamLimits): Promise<Exchange> {
    const op = this.op(operationId);
    const { call, key } = this.buildCall(op, req);
    const answer = await this.http.send(call, limits);
    const current = this.current.getStore();
    if (current && current.operationId === operationId) {
      current.request = `${call.method} ${call.path}${Object.keys(call.query ?? {}).length ? `?${new URLSearchParams(call.query as Record<string, string>)}` : ''}`;
      current.status = answer.status;
    }
    const failures = checkAnswer(this.doc, op, answer, expect);
    if (answer.status === 429) failures.push('rate limited: run the target with CIVIC_RATE_LIMITS=off (or CIVIC_TEST_MODE=1)');
    return { answer, request: req, failures, ...(key !== undefined && { key }) };
  }

  /** A request some case needs on its way (not itself a case): non-conformant or unexpected → the case fails. */
  async helper(operationId: string, req: OpRequest, status: readonly number[], limits?: StreamLimits): Promise<Answer> {
    const x = await this.exchange(operationId, req, { status }, limits);
    if (x.failures.length) throw new Fail(`${operationId} (on the way): ${x.failures.join('; ')}`);
    return x.answer;
  }

  /** Runs one case and records its result. Returns whether it passed. */
  async run(operationId: string, name: string, fn: () => Promise<string[] | string | void>, kind = 'valid'): Promise<boolean> {
    const current: { operationId: string; request?: string; status?: number } = { operationId };
    let result: CaseResult;
    try {
      const out = await this.current.run(current, fn);
      const failures = typeof out === 'string' ? [] : (out ?? []);
      const passReason = typeof out === 'string' ? out : 'conforms';
      result = { operationId, case: name, ok: failures.length === 0, reason: failures.length ? failures.join('; ') : passReason };
      if (current.request) this.markExercised(operationId, kind);
    } catch (error) {
      if (error instanceof Skip) result = { operationId, case: name, ok: true, skipped: true, reason: `not checked: ${error.message}` };
      else if (error instanceof Fail || error instanceof HttpError) {
        result = { operationId, case: name, ok: false, reason: error.message };
        if (current.request) this.markExercised(operationId, kind);
      } else result = { operationId, case: name, ok: false, reason: `suite error: ${describe(error)}` };
    }
    if (current.request) result.request = current.request;
    if (current.status !== undefined) result.status = current.status;
    this.results.push(result);
    this.options.log?.(`${result.skipped ? 'SKIP' : result.ok ? 'ok  ' : 'FAIL'} ${operationId} ${name}${result.ok && !result.skipped ? '' : ` — ${result.reason}`}`);
    return result.ok && !result.skipped;
  }

  /** Records a skipped case without running anything. */
  skip(operationId: string, name: string, reason: string): void {
    this.results.push({ operationId, case: name, ok: true, skipped: true, reason: `not checked: ${reason}` });
  }

  private markExercised(operationId: string, kind: string): void {
    let set = this.exercised.get(operationId);
    if (!set) this.exercised.set(operationId, (set = new Set()));
    set.add(kind);
  }

  need<K extends keyof State>(...keys: K[]): { [P in K]-?: NonNullable<State[P]> } {
    for (const k of keys) {
      if (this.state[k] === undefined) throw new Skip(`needs ${String(k)}, which an earlier step did not provide`);
    }
    return this.state as { [P in K]-?: NonNullable<State[P]> };
  }

  // ------------------------------------------------------------------ helpers several steps need

  /** A fresh challenge (getAntibotChallenge) solved with the documented algorithm. */
  async proof(): Promise<{ challenge: string; nonce: string; signature: string; difficulty: number }> {
    const a = await this.helper('getAntibotChallenge', {}, [200]);
    const c = a.json as Json;
    return { ...(await solve(c)), difficulty: c.difficulty };
  }

  /**
   * The first free slot (for the plan's service and location) no other step has claimed. `late`
   * starts a week into the horizon, so a booking made on it can still be changed online
   * (`changeableUntil`). Otherwise the slots within {@link SOONEST_MARGIN_MS} of the soonest one
   * offered are passed over: the soonest slot is the next to pass its lead time (or the present),
   * and on a busy machine it can do so between this answer and the step's hold (409 slot_taken).
   */
  async freeSlot(options: { late?: boolean } = {}): Promise<Json> {
    const { serviceId, locationId } = this.need('serviceId', 'locationId');
    let from: string | undefined;
    const horizon = this.state.availability?.horizon;
    if (options.late && horizon) {
      const week = nextDate(horizon.from, 7);
      from = week <= horizon.to ? week : horizon.from;
    }
    let notBefore = from === undefined ? undefined : -Infinity;
    for (let round = 0; round < 4; round++) {
      const a = await this.helper('getAvailability', { params: { services: `${serviceId}:1`, location: locationId, ...(from && { from }) } }, [200]);
      const body = a.json as Json;
      for (const day of body.days ?? []) {
        for (const slot of day.slots ?? []) {
          const start = Date.parse(slot.start);
          notBefore ??= start + SOONEST_MARGIN_MS;
          if (start < notBefore) continue;
          if (this.claimedSlots.some((c) => c.location === slot.location && Math.abs(c.start - start) < CLAIM_DISTANCE_MS)) continue;
          this.claimedSlots.push({ location: slot.location, start });
          return slot;
        }
      }
      const last = body.days?.[body.days.length - 1]?.date;
      from = body.nextAvailable ?? (last ? nextDate(last) : undefined);
      if (!from || (body.horizon?.to && from > body.horizon.to)) break;
    }
    throw new Fail(`no free slot left for ${serviceId} at ${locationId} (pass fixtures.serviceId / fixtures.locationId with more free slots)`);
  }

  /** The free seats of one slot now (0 when it is not offered any more). */
  async seats(slot: Json): Promise<number> {
    const { serviceId } = this.need('serviceId');
    const date = String(slot.start).slice(0, 10);
    const a = await this.helper('getAvailability', { params: { services: `${serviceId}:1`, location: slot.location, from: date, to: date } }, [200]);
    for (const day of (a.json as Json).days ?? []) {
      for (const s of day.slots ?? []) if (Date.parse(s.start) === Date.parse(slot.start) && s.location === slot.location) return s.seats;
    }
    return 0;
  }

  holdBody(slot: Json, proof: { challenge: string; nonce: string; signature: string }): Json {
    const { serviceId } = this.need('serviceId');
    return { location: slot.location, services: [{ id: serviceId, qty: 1 }], start: slot.start, type: 'in_person', proof: { challenge: proof.challenge, nonce: proof.nonce, signature: proof.signature } };
  }

  /** A hold on a fresh slot (or the given one), made on the way. */
  async newHold(slot?: Json, options: { late?: boolean } = {}): Promise<Json> {
    const s = slot ?? (await this.freeSlot(options));
    const proof = await this.proof();
    const a = await this.helper('createHold', { json: this.holdBody(s, proof) }, [201]);
    return a.json;
  }

  /**
   * The target's clock minus ours, in ms, from a server timestamp (`receivedAt` of an offline
   * message): the hold-expiry check needs the target's "now" and must not trust our own clock.
   * The smallest skew the exchange allows (the server stamped it at the latest when the answer
   * arrived), so a local expiry computed with it is never earlier than the real one.
   */
  async serverSkewMs(): Promise<number> {
    const a = await this.helper('sendOfflineMessage', { json: { email: this.email(), text: 'Conformance suite: clock probe.', consent: true } }, [201]);
    const after = Date.now();
    return Date.parse((a.json as Json).receivedAt) - after;
  }
}

/** A copy of an object without the given keys. */
export function omit<T extends object>(value: T, ...keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) as Partial<T>;
}

const CLAIM_DISTANCE_MS = 2 * 60 * 60 * 1000;
/** Slots starting this soon after the soonest one offered are not handed out by `freeSlot` (see there). */
const SOONEST_MARGIN_MS = 60 * 60 * 1000;
export const slotKey = (slot: Json) => `${slot.location}|${Date.parse(slot.start)}`;

function nextDate(date: string, days = 1): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Solves a challenge answer ({challenge, difficulty, signature}) as the contract describes. */
export async function solve(c: Json): Promise<{ challenge: string; nonce: string; signature: string }> {
  if (typeof c?.challenge !== 'string' || typeof c?.difficulty !== 'number') throw new Fail('the challenge has no challenge/difficulty to solve');
  if (c.difficulty > 26) throw new Fail(`difficulty ${c.difficulty} is too high for a test run (set CIVIC_POW_DIFFICULTY low or CIVIC_TEST_MODE=1)`);
  const nonce = await solvePow(c.challenge, c.difficulty, { sliceMs: 50, yieldToMain: () => new Promise<void>((r) => setImmediate(r)) });
  return { challenge: c.challenge, nonce: String(nonce), signature: c.signature };
}

export { summariseAnswer };
