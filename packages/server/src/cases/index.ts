/**
 * Application status on SQL: case lookup by reference and a second factor (one answer for every
 * miss, the same comparison whether or not the reference exists), the case with a bearer token,
 * its event stream (snapshot on connect, `case.updated` on every change, resumable by revision),
 * and the staff's `updateCase`. Behaviour as the mock's (packages/mock-api/src/cases).
 */
import { createHash } from 'node:crypto';
import { formatInstant, localise, type Case, type LocalizedText, type Seed } from '@civic-elements/contract/seed';
import type * as C from '@civic-elements/contract';
import { applyCaseUpdate, type CaseUpdate } from '@civic-elements/mock-api/case-update';
import type { Handlers, RequestContext, ServerContext } from '../app.js';
import type { Db, Queryable } from '../db.js';
import type { EventBus, SseEvent } from '../events.js';
import { resumeId } from '../events.js';
import { RateLimiter, bearer, fail, invalid, json, rateLimited, sameSecret, token, unauthorized } from '../http.js';

export const CASE_TOKEN_TTL_MS = 60 * 60 * 1000;
/** `lookupCase`: attempts per client, and failed attempts per reference (guessing a second factor), per window. */
export const LOOKUP_LIMITS = { perClient: 30, perReference: 5, windowMs: 15 * 60 * 1000 };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const normaliseReference = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const normalisePasscode = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();
const hash = (t: string) => createHash('sha256').update(t).digest('hex');

/** Inserts the seed's cases once (first start, or the first start after this migration). */
export async function seedCases(db: Db, seed: Seed): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727003)');
    if ((await tx.query("SELECT 1 FROM meta WHERE key = 'seeded_cases'")).rowCount) return;
    for (const c of seed.cases) {
      await tx.query('INSERT INTO cases (id, reference_norm, data, revision) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [c.id, normaliseReference(c.reference), JSON.stringify(c), c.revision]);
    }
    await tx.query("INSERT INTO meta (key, value) VALUES ('seeded_cases', '1')");
  });
}

/** The case as the contract's `Case` in one language (second factors and internals left out). */
export function caseView(c: Case, lang: string): C.Case {
  const L = (t: LocalizedText) => localise(t, lang);
  return {
    id: c.id,
    reference: c.reference,
    title: L(c.title),
    status: { code: c.status.code, label: L(c.status.label), since: c.status.since },
    steps: c.steps.map((s) => ({ code: s.code, label: L(s.label), state: s.state, ...(s.reachedAt && { reachedAt: s.reachedAt }) })),
    history: c.history.map((h) => ({ at: h.at, title: L(h.title), ...(h.description && { description: L(h.description) }), ...(h.actor && { actor: L(h.actor) }) })),
    ...(c.expectedCompletion && { expectedCompletion: c.expectedCompletion }),
    ...(c.legalDeadline && { legalDeadline: c.legalDeadline }),
    ...(c.suspension && { suspension: { kind: c.suspension.kind, reason: L(c.suspension.reason), since: c.suspension.since, ...(c.suspension.until && { until: c.suspension.until }) } }),
    actionsRequired: c.actionsRequired.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: L(a.title),
      description: L(a.description),
      ...(a.dueDate && { dueDate: a.dueDate }),
      ...(a.url && { url: a.url }),
      ...(a.serviceId && { serviceId: a.serviceId }),
    })),
    ...(c.result && { result: { decision: c.result.decision, ...(c.result.label && { label: L(c.result.label) }), explanation: L(c.result.explanation) } }),
    documents: c.documents.map((d) => ({ title: L(d.title), ...(d.url && { url: d.url }), ...(d.availableFrom && { availableFrom: d.availableFrom }) })),
    contact: {
      ...(c.contact.name && { name: L(c.contact.name) }),
      ...(c.contact.phone && { phone: c.contact.phone }),
      ...(c.contact.email && EMAIL.test(c.contact.email) && { email: c.contact.email }),
      ...(c.contact.url && { url: c.contact.url }),
    },
    ...(c.pickup && { pickup: { ready: c.pickup.ready, serviceId: c.pickup.serviceId } }),
    timeZone: c.timeZone,
    revision: c.revision,
    updatedAt: c.updatedAt,
  };
}

export function createCases(ctx: ServerContext, bus: EventBus) {
  const { db } = ctx;
  const tz = ctx.seed.town.timeZone;
  const now = () => ctx.clock.now();
  const channel = (id: string) => `case:${id}`;
  const failures = new RateLimiter(now);

  const load = async (q: Queryable, id: string, lock = false): Promise<Case | undefined> =>
    (await q.query<{ data: Case }>(`SELECT data FROM cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0]?.data;

  /** The case and token expiry the bearer token grants for the path's case, or a 401. */
  const authenticate = async (rc: RequestContext): Promise<{ case: Case; expiresAt: number } | Response> => {
    const t = bearer(rc.request);
    if (!t) return unauthorized();
    const grant = (await db.query<{ case_id: string; expires_at: number }>('SELECT case_id, expires_at FROM case_tokens WHERE token_hash = $1', [hash(t)])).rows[0];
    if (!grant || Number(grant.expires_at) <= now() || grant.case_id !== rc.params.caseId) return unauthorized();
    const c = await load(db, grant.case_id);
    return c ? { case: c, expiresAt: Number(grant.expires_at) } : unauthorized();
  };

  const handlers: Handlers = {
    lookupCase: {
      limit: { bucket: 'lookup', max: LOOKUP_LIMITS.perClient, windowMs: LOOKUP_LIMITS.windowMs },
      async handle({ body, lang }) {
        const b = body as { reference: string; secondFactor: { kind: 'birthdate' | 'passcode'; value: string } };
        const target = `lookup-ref:${normaliseReference(b.reference)}`;
        if (ctx.config.settings.rateLimits) {
          const wait = failures.blocked(target, LOOKUP_LIMITS.perReference, LOOKUP_LIMITS.windowMs);
          if (wait !== undefined) return rateLimited(wait);
        }
        const row = (await db.query<{ data: Case }>('SELECT data FROM cases WHERE reference_norm = $1', [normaliseReference(b.reference)])).rows[0];
        const found = row?.data;
        // The same comparison runs whether or not the reference exists.
        const expected = found?.secondFactor[b.secondFactor.kind] ?? 'no-such-case-0000';
        const given = b.secondFactor.kind === 'passcode' ? normalisePasscode(b.secondFactor.value) : b.secondFactor.value;
        const ok = sameSecret(b.secondFactor.kind === 'passcode' ? normalisePasscode(expected) : expected, given) && found !== undefined;
        if (!ok || !found) {
          failures.hit(target, Number.MAX_SAFE_INTEGER, LOOKUP_LIMITS.windowMs);
          return fail(404, 'case_not_found', localise({ de: 'Bitte prüfen Sie Aktenzeichen und zweites Merkmal.', en: 'Please check the reference and the second factor.' }, lang));
        }
        const accessToken = token('cat_');
        const expiresAt = now() + CASE_TOKEN_TTL_MS;
        await db.query('DELETE FROM case_tokens WHERE expires_at <= $1', [now()]);
        await db.query('INSERT INTO case_tokens (token_hash, case_id, expires_at) VALUES ($1, $2, $3)', [hash(accessToken), found.id, expiresAt]);
        const access: C.CaseAccess = { caseId: found.id, accessToken, expiresAt: formatInstant(expiresAt, tz) };
        return json(access, { noStore: true });
      },
    },

    getCase: {
      authenticate,
      handle: ({ auth, lang }) => json(caseView((auth as { case: Case }).case, lang), { noStore: true, lang }),
    },

    streamCaseEvents: {
      authenticate,
      handle({ auth, request, url, lang }) {
        const grant = auth as { case: Case; expiresAt: number };
        const after = resumeId(request, url);
        const c = grant.case;
        const event = (x: Case): SseEvent => ({ event: 'case.updated', id: x.revision, data: caseView(x, lang) });
        let sent = c.revision;
        return bus.stream({
          channel: channel(c.id),
          initial: after === c.revision ? [] : [event(c)],
          lang,
          next: async () => {
            if (grant.expiresAt <= now()) return 'close';
            const latest = await load(db, c.id);
            if (!latest) return 'close';
            if (latest.revision === sent) return [];
            sent = latest.revision;
            return [event(latest)];
          },
        });
      },
    },

    updateCase: {
      async handle({ params, body, lang }) {
        const b = body as CaseUpdate;
        if (Object.keys(b).length === 0) return invalid([{ in: 'body', pointer: '', detail: 'At least one change is required.' }]);
        const result = await db.transaction(async (tx) => {
          const c = await load(tx, params.caseId ?? '', true);
          if (!c) return fail(404, 'not_found', 'No such case.');
          if (b.currentStep !== undefined && !c.steps.some((s) => s.code === b.currentStep)) return invalid([{ in: 'body', pointer: '/currentStep', detail: 'is not a step of this case' }]);
          const next = applyCaseUpdate(c, b, now(), tz);
          await tx.query('UPDATE cases SET data = $2, revision = $3 WHERE id = $1', [c.id, JSON.stringify(next), next.revision]);
          return next;
        });
        if (result instanceof Response) return result;
        await bus.publish(channel(result.id), result.revision);
        return json(caseView(result, lang));
      },
    },
  };

  return { handlers };
}
