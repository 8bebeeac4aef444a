/**
 * Invalid input, derived from the document. For every operation, starting from the last valid
 * request the plan sent (or the document's examples), one thing is broken at a time and the
 * answer the document's "order of checks" prescribes is expected:
 *
 * - bearer token missing / wrong / for an id that does not exist → `401 unauthorized`
 *   (authentication comes before everything but rate limits; no existence oracle);
 * - `Idempotency-Key` missing or malformed → `400 validation_failed`;
 * - closed JSON body: unknown property, missing required property, wrong type, too long string,
 *   bad format → `400 validation_failed`; unparsable JSON → `400 bad_request`;
 * - query and header parameters violating their schema (or a required one missing) → `400`;
 * - path parameters of public operations violating their schema → `400`; well-formed ids that do
 *   not exist → `404` with the code the operation declares (`not_found`, `hold_not_found`);
 * - a few documented rules the schema cannot express (`to` before `from`, `after` with `before`, …).
 */
import { randomUUID } from 'node:crypto';
import type { Json, OperationInfo, ParameterInfo } from './document.js';
import { allowedCodes } from './check.js';
import { multipart, png } from './files.js';
import { omit, type OpRequest, type Runner } from './runner.js';

export interface InvalidCase {
  name: string;
  request: OpRequest;
  status: number;
  codes: string[];
}

/** Parameters a back end may ignore by the document's own words (single-town AGS, language preferences). */
const LENIENT_HEADERS = new Set(['accept-language', 'x-civic-ags', 'idempotency-key']);
const WRONG_TOKEN = 'conformance-wrong-token-0123456789';

const FORMAT_VIOLATIONS: Record<string, string> = {
  date: '2026-02-30',
  'date-time': '2026-12-07 09:30',
  uuid: 'not-a-uuid',
  email: 'not-an-email',
  'idn-email': 'not-an-email',
  uri: 'not a uri',
};

/** The type a schema asks for (through `$ref`, `const`, `oneOf` of one type). */
function typeOf(r: Runner, schema: Json): string | undefined {
  const s = r.doc.resolveSchema(schema);
  if (!s) return undefined;
  if (typeof s.type === 'string') return s.type;
  if (s.const !== undefined) return typeof s.const;
  for (const k of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[k])) {
      const types = new Set(s[k].map((b: Json) => typeOf(r, b)));
      if (types.size === 1) return [...types][0] as string | undefined;
    }
  }
  return undefined;
}

/** A string value (for a query, path or header parameter) that violates the schema, and what it violates. */
export function violation(r: Runner, schema: Json): { value: string; what: string } | undefined {
  const s = r.doc.resolveSchema(schema);
  if (!s) return undefined;
  const type = typeOf(r, s);
  if (type === 'integer' || type === 'number') {
    if (typeof s.minimum === 'number') return { value: String(s.minimum - 1), what: `below the minimum ${s.minimum}` };
    if (typeof s.maximum === 'number') return { value: String(s.maximum + 1), what: `above the maximum ${s.maximum}` };
    return { value: 'zwölf', what: 'not a number' };
  }
  if (type === 'boolean') return { value: 'vielleicht', what: 'not a boolean' };
  if (Array.isArray(s.enum)) return { value: 'not-one-of-the-enum', what: 'not one of the enum' };
  if (type === 'string') {
    if (typeof s.format === 'string' && FORMAT_VIOLATIONS[s.format]) return { value: FORMAT_VIOLATIONS[s.format]!, what: `not a ${s.format}` };
    if (typeof s.pattern === 'string') {
      const re = new RegExp(s.pattern, 'u');
      const max = typeof s.maxLength === 'number' ? s.maxLength : 64;
      const candidate = ['-leading-dash', 'with space', '!', 'abc', '::'].find((c) => !re.test(c) && c.length <= max && c.length >= (s.minLength ?? 0));
      if (candidate !== undefined) return { value: candidate, what: `does not match ${s.pattern}` };
    }
    if (typeof s.maxLength === 'number') return { value: 'x'.repeat(s.maxLength + 1), what: `longer than ${s.maxLength}` };
  }
  return undefined;
}

/** A well-formed value for a parameter that names nothing on the target. */
function unknownValue(r: Runner, p: ParameterInfo): string | undefined {
  const s = r.doc.resolveSchema(p.schema?.schema);
  if (s?.format === 'uuid') return randomUUID();
  if (typeOf(r, s) === 'string' && typeof s.pattern === 'string' && new RegExp(s.pattern, 'u').test('gibt-es-nicht-konformitaet')) return 'gibt-es-nicht-konformitaet';
  return undefined;
}

/** The request the invalid cases start from: the plan's last valid one, else the document's examples. */
export function baseline(r: Runner, op: OperationInfo): OpRequest {
  const last = r.lastRequest.get(op.operationId);
  if (last) return last;
  const params: Record<string, string | number> = {};
  for (const p of op.parameters) {
    if (p.in !== 'path' && !(p.in === 'query' && p.required)) continue;
    const value = p.example ?? r.doc.resolveSchema(p.schema?.schema)?.examples?.[0] ?? unknownValue(r, p);
    if (value !== undefined) params[p.name] = value as string | number;
  }
  const req: OpRequest = { params };
  const json = op.requestBody?.content['application/json'];
  if (json?.examples[0] !== undefined) req.json = json.examples[0];
  if (op.requestBody?.content['multipart/form-data']) req.raw = multipart('file', 'konformitaet.png', 'image/png', png(1, 2, 3));
  return req;
}

const clone = <T>(v: T): T => structuredClone(v);

export function invalidCases(r: Runner, op: OperationInfo): InvalidCase[] {
  const cases: InvalidCase[] = [];
  const base = baseline(r, op);
  const personal = op.security.length > 0;
  const has400 = Boolean(op.responses['400']);
  const v400 = (name: string, request: OpRequest) => cases.push({ name, request, status: 400, codes: ['validation_failed'] });

  if (personal) {
    cases.push({ name: 'invalid:no-token', request: omit(base, 'token'), status: 401, codes: ['unauthorized'] });
    cases.push({ name: 'invalid:wrong-token', request: { ...base, token: WRONG_TOKEN }, status: 401, codes: ['unauthorized'] });
    const params = { ...base.params };
    let changed = false;
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const v = unknownValue(r, p);
      if (v !== undefined) {
        params[p.name] = v;
        changed = true;
      }
    }
    if (changed) cases.push({ name: 'invalid:unknown-id-wrong-token', request: { ...base, params, token: WRONG_TOKEN }, status: 401, codes: ['unauthorized'] });
  }
  // Everything below needs to get past authentication.
  if (personal && base.token === undefined) return cases;
  if (!has400) return cases;

  if (op.idempotencyKey) {
    v400('invalid:missing-idempotency-key', { ...base, idempotencyKey: false });
    v400('invalid:malformed-idempotency-key', { ...base, idempotencyKey: 'kurz' });
  }

  const media = op.requestBody?.content['application/json'];
  if (media?.schema && base.json !== undefined && base.json !== null && typeof base.json === 'object') {
    const schema = r.doc.resolveSchema(media.schema.schema);
    const body = base.json as Json;
    const props: [string, Json][] = Object.entries<Json>(schema.properties ?? {});
    const required: string[] = schema.required ?? [];
    const ordered = [...props.filter(([k]) => required.includes(k)), ...props.filter(([k]) => !required.includes(k))];
    if (schema.additionalProperties === false) v400('invalid:body-unknown-property', { ...base, json: { ...body, konformitaetUnbekannt: true } });
    const missing = required.find((k) => k in body);
    if (missing) {
      v400(`invalid:body-missing-${missing}`, { ...base, json: omit(body, missing) });
    }
    const wrongType = ordered.find(([, ps]) => typeOf(r, ps) !== undefined);
    if (wrongType) {
      const t = typeOf(r, wrongType[1]);
      const value = t === 'string' ? 12345 : t === 'integer' || t === 'number' ? 'zwölf' : t === 'boolean' ? 'ja' : t === 'array' ? 'keine-liste' : 'kein-objekt';
      v400(`invalid:body-wrong-type-${wrongType[0]}`, { ...base, json: { ...clone(body), [wrongType[0]]: value } });
    }
    const tooLong = ordered.find(([, ps]) => typeOf(r, ps) === 'string' && typeof r.doc.resolveSchema(ps).maxLength === 'number');
    if (tooLong) {
      const max = r.doc.resolveSchema(tooLong[1]).maxLength as number;
      v400(`invalid:body-too-long-${tooLong[0]}`, { ...base, json: { ...clone(body), [tooLong[0]]: 'x'.repeat(max + 1) } });
    }
    const badFormat = ordered.find(([, ps]) => FORMAT_VIOLATIONS[r.doc.resolveSchema(ps).format] !== undefined);
    if (badFormat) {
      const value = FORMAT_VIOLATIONS[r.doc.resolveSchema(badFormat[1]).format]!;
      v400(`invalid:body-bad-format-${badFormat[0]}`, { ...base, json: { ...clone(body), [badFormat[0]]: value } });
    }
    const noJson = omit(base, 'json');
    cases.push({ name: 'invalid:body-unparsable', request: { ...noJson, raw: { body: '{"reference": "MS-2026', contentType: 'application/json' } }, status: 400, codes: ['bad_request'] });
    if (op.requestBody?.required) cases.push({ name: 'invalid:body-missing', request: noJson, status: 400, codes: ['bad_request', 'validation_failed'] });
  }

  for (const p of op.parameters) {
    if (p.in === 'path' || p.in === 'cookie' || (p.in === 'header' && LENIENT_HEADERS.has(p.name.toLowerCase()))) continue;
    const where = p.in === 'header' ? 'header' : 'query';
    if (p.required && p.in === 'query') {
      const params = { ...base.params };
      delete params[p.name];
      v400(`invalid:query-${p.name}-missing`, { ...base, params });
    }
    const bad = p.schema && violation(r, p.schema.schema);
    if (!bad) continue;
    if (p.in === 'header') v400(`invalid:header-${p.name}`, { ...base, headers: { ...base.headers, [p.name]: bad.value } });
    else v400(`invalid:${where}-${p.name}`, { ...base, params: { ...base.params, [p.name]: bad.value } });
  }

  if (!personal) {
    const codes404 = op.responses['404'] ? allowedCodes(r.doc, op, 404) : [];
    for (const p of op.parameters.filter((x) => x.in === 'path' || x.in === 'query')) {
      if (p.in === 'path') {
        const bad = p.schema && violation(r, p.schema.schema);
        if (bad) v400(`invalid:path-${p.name}`, { ...base, params: { ...base.params, [p.name]: bad.value } });
      }
      const unknown = codes404.length ? unknownValue(r, p) : undefined;
      if (unknown !== undefined && (p.in === 'path' || r.doc.resolveSchema(p.schema?.schema)?.pattern === r.doc.doc.components.schemas.Id.pattern)) {
        cases.push({ name: `invalid:unknown-${p.name}`, request: { ...base, params: { ...base.params, [p.name]: unknown } }, status: 404, codes: codes404 });
      }
    }
  }
  return cases;
}

/** Documented rules the schema cannot express; each builds its request from the plan's state. */
export const DOCUMENTED_INVALID: { op: string; name: string; status: number; codes: string[]; build: (r: Runner) => OpRequest | string }[] = [
  {
    op: 'getAvailability',
    name: 'invalid:to-before-from',
    status: 400,
    codes: ['validation_failed'],
    build: (r) => {
      const a = r.state.availability;
      if (!a || !r.state.serviceId) return 'needs availability';
      return { params: { services: `${r.state.serviceId}:1`, from: a.horizon.to, to: a.horizon.from === a.horizon.to ? '2000-01-01' : a.horizon.from } };
    },
  },
  {
    op: 'getAvailability',
    name: 'invalid:range-over-92-days',
    status: 400,
    codes: ['validation_failed'],
    build: (r) => {
      const a = r.state.availability;
      if (!a || !r.state.serviceId) return 'needs availability';
      const to = new Date(`${a.horizon.from}T12:00:00Z`);
      to.setUTCDate(to.getUTCDate() + 93);
      return { params: { services: `${r.state.serviceId}:1`, from: a.horizon.from, to: to.toISOString().slice(0, 10) } };
    },
  },
  {
    op: 'getAvailability',
    name: 'invalid:quantity-above-max',
    status: 400,
    codes: ['validation_failed'],
    build: (r) => {
      const svc = r.state.service;
      if (!svc || svc.maxQuantity >= 99) return 'needs a service with maxQuantity below 99';
      return { params: { services: `${svc.id}:${svc.maxQuantity + 1}` } };
    },
  },
  {
    op: 'createBooking',
    name: 'invalid:unknown-holdId',
    status: 404,
    codes: ['hold_not_found'],
    build: (r) => ({ json: { holdId: randomUUID(), contact: { name: 'Erika Konformität', email: r.email() }, consent: true } }),
  },
  {
    op: 'listMessages',
    name: 'invalid:after-and-before',
    status: 400,
    codes: ['validation_failed'],
    build: (r) => (r.state.chatToken ? { params: { conversationId: r.state.conversationId, after: 1, before: 5 }, token: r.state.chatToken } : 'needs a conversation'),
  },
  {
    op: 'sendMessage',
    name: 'invalid:blank-text',
    status: 400,
    codes: ['validation_failed'],
    build: (r) => (r.state.chatToken ? { params: { conversationId: r.state.conversationId }, token: r.state.chatToken, json: { clientId: r.fresh('msg'), text: '   ' } } : 'needs a conversation'),
  },
];
