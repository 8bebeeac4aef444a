/**
 * Application status: case lookup by reference and a second factor (no oracle), the case resource
 * and its event stream for the citizen; `updateCase` for the staff.
 */
import { formatInstant, localise, type Case, type LocalizedText } from '@civic-elements/contract/seed';
import { isIdnEmail } from '@civic-elements/contract';
import type * as api from '@civic-elements/contract';
import type { MockContext } from '../context.js';
import { applyCaseUpdate, type CaseUpdate } from './update.js';
import {
  Channel,
  ID,
  Routes,
  bearer,
  check,
  eventStream,
  fail,
  invalid,
  json,
  rateLimited,
  readJson,
  resumeId,
  sameSecret,
  staffDenied,
  token,
  unauthorized,
  v,
  type DomainKit,
  type SseEvent,
} from '../http-kit.js';

/** Access tokens live this long (the contract asks for at least 60 minutes). */
export const CASE_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Rate limits of `lookupCase` when `settings.rateLimits` is on. */
export const LOOKUP_LIMITS = {
  /** Failed attempts per reference per window. */
  perReference: 5,
  /** Attempts per client per window. */
  perClient: 30,
  windowMs: 15 * 60 * 1000,
};

export interface CaseRecord extends Case {
  channel: Channel;
}

export interface CasesState {
  cases: Map<string, CaseRecord>;
  tokens: Map<string, { caseId: string; expiresAt: number }>;
  /** Applies a staff update (the same as `updateCase`); returns the case or a 400/404 response. */
  update(caseId: string, body: Record<string, unknown>): CaseRecord | Response;
}

const normaliseReference = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const normalisePasscode = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z][a-z0-9_]{0,63}$/;
const HTTPS = /^https?:\/\//;

const secondFactor = v.oneOf(
  v.object({ kind: v.string({ enum: ['birthdate'] }), value: v.string({ pattern: DATE }) }, ['kind', 'value']),
  v.object({ kind: v.string({ enum: ['passcode'] }), value: v.string({ min: 4, max: 64 }) }, ['kind', 'value']),
);
const lookupRequest = v.object({ reference: v.string({ min: 1, max: 64 }), secondFactor }, ['reference', 'secondFactor']);

const actionRequired = v.object(
  {
    id: v.string({ pattern: ID }),
    kind: v.string({ enum: ['document', 'reply', 'appointment', 'payment', 'signature', 'other'] }),
    title: v.string({ min: 1, max: 200 }),
    description: v.string({ max: 2000 }),
    dueDate: v.string({ pattern: DATE }),
    url: v.string({ pattern: HTTPS, max: 2048 }),
    serviceId: v.string({ pattern: ID }),
  },
  ['id', 'kind', 'title', 'description'],
);
const updateRequest = v.object({
  status: v.object({ code: v.string({ pattern: CODE }), label: v.string({ min: 1, max: 200 }) }, ['code', 'label']),
  currentStep: v.string({ pattern: CODE }),
  completeSteps: v.boolean(),
  history: v.object({ title: v.string({ min: 1, max: 300 }), description: v.string({ max: 2000 }), actor: v.string({ max: 200 }) }, ['title']),
  addActionRequired: actionRequired,
  resolveActionRequired: v.string({ pattern: ID }),
  result: v.nullable(
    v.object(
      {
        decision: v.string({ enum: ['approved', 'partially_approved', 'rejected', 'withdrawn', 'other'] }),
        label: v.string({ max: 200 }),
        explanation: v.string({ max: 4000 }),
      },
      ['decision', 'explanation'],
    ),
  ),
  suspension: v.nullable(
    v.object(
      { kind: v.string({ enum: ['paused', 'extended'] }), reason: v.string({ min: 1, max: 1000 }), since: v.string({ pattern: DATE }), until: v.string({ pattern: DATE }) },
      ['kind', 'reason', 'since'],
    ),
  ),
  expectedCompletion: v.nullable(v.string({ pattern: DATE })),
  pickup: v.nullable(v.object({ ready: v.boolean(), serviceId: v.string({ pattern: ID }) }, ['ready', 'serviceId'])),
  addDocument: v.object({ title: v.string({ min: 1, max: 300 }), url: v.string({ pattern: HTTPS, max: 2048 }), availableFrom: v.string({ pattern: DATE }) }, ['title']),
});

/** A staff text (one language) as the seed's localised text. */

/** The case as the contract's `Case`, in one language (second factors and internals left out). */
export function caseView(c: Case, lang: string): api.Case {
  const L = (t: LocalizedText) => localise(t, lang);
  return {
    id: c.id,
    reference: c.reference,
    title: L(c.title),
    status: { code: c.status.code, label: L(c.status.label), since: c.status.since },
    steps: c.steps.map((s) => ({ code: s.code, label: L(s.label), state: s.state, ...(s.reachedAt && { reachedAt: s.reachedAt }) })),
    history: c.history.map((h) => ({
      at: h.at,
      title: L(h.title),
      ...(h.description && { description: L(h.description) }),
      ...(h.actor && { actor: L(h.actor) }),
    })),
    ...(c.expectedCompletion && { expectedCompletion: c.expectedCompletion }),
    ...(c.legalDeadline && { legalDeadline: c.legalDeadline }),
    ...(c.suspension && {
      suspension: { kind: c.suspension.kind, reason: L(c.suspension.reason), since: c.suspension.since, ...(c.suspension.until && { until: c.suspension.until }) },
    }),
    actionsRequired: c.actionsRequired.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: L(a.title),
      description: L(a.description),
      ...(a.dueDate && { dueDate: a.dueDate }),
      ...(a.url && { url: a.url }),
      ...(a.serviceId && { serviceId: a.serviceId }),
    })),
    ...(c.result && {
      result: { decision: c.result.decision, ...(c.result.label && { label: L(c.result.label) }), explanation: L(c.result.explanation) },
    }),
    documents: c.documents.map((d) => ({ title: L(d.title), ...(d.url && { url: d.url }), ...(d.availableFrom && { availableFrom: d.availableFrom }) })),
    contact: {
      ...(c.contact.name && { name: L(c.contact.name) }),
      ...(c.contact.phone && { phone: c.contact.phone }),
      ...(c.contact.email && isIdnEmail(c.contact.email) && { email: c.contact.email }),
      ...(c.contact.url && { url: c.contact.url }),
    },
    ...(c.pickup && { pickup: { ready: c.pickup.ready, serviceId: c.pickup.serviceId } }),
    timeZone: c.timeZone,
    revision: c.revision,
    updatedAt: c.updatedAt,
  };
}

export function createCases(ctx: MockContext, kit: DomainKit) {
  const now = () => ctx.clock.now();
  const tz = ctx.seed.town.timeZone;
  const cases = new Map<string, CaseRecord>();
  for (const c of ctx.seed.cases) cases.set(c.id, { ...structuredClone(c), channel: new Channel(0) });
  const tokens = new Map<string, { caseId: string; expiresAt: number }>();

  /** The case the token grants, or undefined (wrong, expired, or for another case). */
  const authorised = (request: Request, caseId: string): CaseRecord | undefined => {
    const t = bearer(request);
    const grant = t ? tokens.get(t) : undefined;
    if (!grant || grant.expiresAt <= now() || grant.caseId !== caseId) return undefined;
    return cases.get(caseId);
  };

  // The channel carries the record; each subscriber renders it in its own language.
  const publish = (c: CaseRecord) => c.channel.publish({ event: 'case.updated', id: c.revision, data: c });

  function update(caseId: string, body: Record<string, unknown>): CaseRecord | Response {
    const c = cases.get(caseId);
    const bad = check(body, updateRequest);
    if (bad) return bad;
    if (Object.keys(body).length === 0) return invalid('At least one change is required.');
    if (!c) return fail(404, 'not_found', 'No such case.');
    const b = body as CaseUpdate;
    if (b.currentStep !== undefined && !c.steps.some((s) => s.code === b.currentStep)) {
      return invalid([{ pointer: '/currentStep', detail: 'is not a step of this case' }]);
    }
    const { channel, ...data } = c;
    const next = applyCaseUpdate(data, b, now(), tz);
    for (const key of Object.keys(c)) if (key !== 'channel' && !(key in next)) delete (c as unknown as Record<string, unknown>)[key];
    Object.assign(c, next, { channel });
    publish(c);
    return c;
  }

  const citizen = new Routes(ctx.base, 'citizen');
  const staff = new Routes(ctx.base, 'staff');

  citizen.add('POST', '/v1/cases/lookup', 'lookupCase', async ({ request }) => {
    const limits = ctx.settings.rateLimits;
    if (limits) {
      const wait = kit.limiter.blocked('lookup:client', LOOKUP_LIMITS.perClient, LOOKUP_LIMITS.windowMs);
      if (wait !== undefined) return rateLimited(wait);
    }
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const reference = typeof body.reference === 'string' ? normaliseReference(body.reference) : '';
    if (limits) {
      const wait = kit.limiter.blocked(`lookup:ref:${reference}`, LOOKUP_LIMITS.perReference, LOOKUP_LIMITS.windowMs);
      if (wait !== undefined) return rateLimited(wait);
      kit.limiter.count('lookup:client', LOOKUP_LIMITS.windowMs);
    }
    const bad = check(body, lookupRequest);
    if (bad) return bad;
    const factor = body.secondFactor as { kind: 'birthdate' | 'passcode'; value: string };
    const found = [...cases.values()].find((c) => normaliseReference(c.reference) === reference);
    // The same comparison runs whether or not the reference exists, so timing tells nothing.
    const expected = found?.secondFactor[factor.kind] ?? 'no-such-case-0000';
    const given = factor.kind === 'passcode' ? normalisePasscode(factor.value) : factor.value;
    const ok = sameSecret(factor.kind === 'passcode' ? normalisePasscode(expected) : expected, given) && found !== undefined;
    if (!ok || !found) {
      if (limits) kit.limiter.count(`lookup:ref:${reference}`, LOOKUP_LIMITS.windowMs);
      return fail(404, 'case_not_found', localise({ de: 'Bitte prüfen Sie Aktenzeichen und zweites Merkmal.', en: 'Please check the reference and the second factor.' }, ctx.lang(request)));
    }
    const accessToken = token('cat_');
    const expiresAt = now() + CASE_TOKEN_TTL_MS;
    tokens.set(accessToken, { caseId: found.id, expiresAt });
    const access: api.CaseAccess = { caseId: found.id, accessToken, expiresAt: formatInstant(expiresAt, tz) };
    return json(access, { noStore: true });
  });

  citizen.add('GET', '/v1/cases/{caseId}', 'getCase', ({ request, params }) => {
    const c = authorised(request, params.caseId ?? '');
    if (!c) return unauthorized();
    const lang = ctx.lang(request);
    return json(caseView(c, lang), { noStore: true, lang });
  });

  citizen.add('GET', '/v1/cases/{caseId}/events', 'streamCaseEvents', ({ request, params, url }) => {
    const caseId = params.caseId ?? '';
    const c = authorised(request, caseId);
    if (!c) return unauthorized();
    const after = resumeId(request, url);
    if (after instanceof Response) return after;
    const lang = ctx.lang(request);
    const grant = tokens.get(bearer(request) ?? '');
    const render = (e: SseEvent): SseEvent => ({ ...e, data: caseView(e.data as Case, lang) });
    const initial = after === c.revision ? [] : [render({ event: 'case.updated', id: c.revision, data: c })];
    return eventStream({
      registry: kit.streams,
      request,
      operationId: 'streamCaseEvents',
      initial,
      channel: c.channel,
      // Each subscriber renders in its own language; the stream ends when its token expires.
      map: (e) => (grant && grant.expiresAt > now() ? render(e) : 'close'),
      pingMs: kit.pingMs,
      interval: kit.interval,
      lang,
    });
  });

  staff.add('POST', '/staff/v1/cases/{caseId}/updates', 'updateCase', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const result = update(params.caseId ?? '', body);
    if (result instanceof Response) return result;
    return json(caseView(result, ctx.lang(request)));
  });

  const state: CasesState = { cases, tokens, update };
  return {
    // Staff first: `*/v1/…` would also match `/staff/v1/…` paths.
    handlers: [...staff.handlers, ...citizen.handlers],
    operations: [...staff.operations, ...citizen.operations],
    state,
  };
}

export type CasesDomain = ReturnType<typeof createCases>;
