/**
 * Checks one answer against what the document declares for its operation: the status is declared
 * (`default` only covers `500 internal` / `503 unavailable`), the media type is a declared one,
 * the body validates against the schema for that status and media type (problem documents: `code`
 * allowed for that response, `status` member = HTTP status = the code's documented status),
 * declared headers are present and valid (`Retry-After` on 429 equal to `retryAfter`, …),
 * `text/calendar` and `text/plain` bodies have their basic shape, and every event of a
 * `text/event-stream` validates against the stream's event schema.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Answer } from './http.js';
import { formatErrors, type ContractDocument, type Json, type OperationInfo, type ResponseInfo } from './document.js';

export interface Expectation {
  /** Statuses the case expects (any declared one when omitted). */
  status?: readonly number[];
  /** Problem codes the case expects (for error expectations). */
  codes?: readonly string[];
}

/** The declared response for a status, or undefined when the document does not declare it. */
export function declaredResponse(op: OperationInfo, status: number): ResponseInfo | undefined {
  const exact = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
  if (exact) return exact;
  // `default` covers what the document says it covers: 500 internal and 503 unavailable.
  if (status >= 500 && status <= 599) return op.responses.default;
  return undefined;
}

/** `validation_failed (detail)` for a problem answer, else the media type. */
export function summariseAnswer(a: Answer): string {
  const p = a.json as Json;
  if (p && typeof p === 'object' && typeof p.code === 'string') {
    const detail = typeof p.detail === 'string' ? `: ${p.detail.slice(0, 120)}` : '';
    return `${a.status} ${p.code}${detail}`;
  }
  return `${a.status}${a.mediaType ? ` ${a.mediaType}` : ''}`;
}

function mediaMatches(declared: string, actual: string): boolean {
  if (declared === '*/*') return true;
  if (declared.endsWith('/*')) return actual.startsWith(declared.slice(0, -1));
  return declared.toLowerCase() === actual;
}

/** Everything wrong with the answer (empty = conforms and meets the expectation). */
export function checkAnswer(doc: ContractDocument, op: OperationInfo, a: Answer, expect: Expectation = {}): string[] {
  const failures: string[] = [];
  const problem = a.json as Json;
  const code: string | undefined = problem && typeof problem === 'object' && typeof problem.code === 'string' ? problem.code : undefined;

  if (expect.status && !expect.status.includes(a.status)) {
    failures.push(`expected ${expect.status.join(' or ')}${expect.codes ? ` ${expect.codes.join('/')}` : ''}, got ${summariseAnswer(a)}`);
  } else if (expect.codes && (!code || !expect.codes.includes(code))) {
    failures.push(`expected problem code ${expect.codes.join(' or ')}, got ${code ?? 'no code'}`);
  }

  const declared = declaredResponse(op, a.status);
  if (!declared) {
    const keys = Object.keys(op.responses).join(', ');
    failures.push(`status ${a.status} is not declared for ${op.operationId} (declared: ${keys})`);
    return failures;
  }

  const types = Object.keys(declared.content);
  if (types.length === 0) {
    if (a.bytes.length > 0) failures.push(`${a.status} declares no body, but ${a.bytes.length} bytes were sent`);
  } else {
    const matched = types.find((t) => mediaMatches(t, a.mediaType));
    if (!matched) {
      failures.push(`content type ${a.mediaType || '(none)'}; the document declares ${types.join(', ')} for ${a.status}`);
    } else {
      failures.push(...checkBody(doc, declared, matched, a));
    }
  }

  failures.push(...checkHeaders(doc, declared, a));

  if (a.mediaType === 'application/problem+json' && problem && typeof problem === 'object') {
    if (problem.status !== a.status) failures.push(`problem status member ${JSON.stringify(problem.status)} ≠ HTTP status ${a.status}`);
    if (code && doc.problemStatus[code] !== undefined && doc.problemStatus[code] !== a.status) {
      failures.push(`problem code ${code} is documented with status ${doc.problemStatus[code]}, sent with ${a.status}`);
    }
    if (a.status === 429 || code === 'rate_limited') {
      const header = a.headers.get('Retry-After');
      if (header !== null && problem.retryAfter !== undefined && Number(header) !== problem.retryAfter) {
        failures.push(`Retry-After ${header} ≠ retryAfter ${problem.retryAfter}`);
      }
    }
  }
  return failures;
}

function checkBody(doc: ContractDocument, r: ResponseInfo, mediaType: string, a: Answer): string[] {
  const media = r.content[mediaType]!;
  const failures: string[] = [];
  if (mediaType === 'text/event-stream') {
    const events = a.events ?? [];
    events.forEach((e, i) => {
      const where = `event ${i + 1} (${e.event})`;
      if (e.data === undefined) {
        failures.push(`${where}: data is not JSON (${e.dataError ?? 'unparsable'})`);
        return;
      }
      if (e.dataLines !== 1) failures.push(`${where}: data spans ${e.dataLines} lines (the contract sends one line of JSON)`);
      if (media.schema) {
        const value = { event: e.event, ...(e.id !== undefined && { id: e.id }), data: e.data };
        const errors = doc.validate(media.schema, value);
        if (errors.length) failures.push(`${where}: ${formatErrors(errors)}`);
      }
    });
    return failures;
  }
  if (/[/+]json$/.test(mediaType)) {
    if (a.jsonError !== undefined || a.json === undefined) return [`body is not JSON (${a.jsonError ?? 'empty'})`];
    if (media.schema) {
      const errors = doc.validate(media.schema, a.json);
      if (errors.length) failures.push(`body ${formatErrors(errors)}`);
    }
    return failures;
  }
  if (mediaType.startsWith('text/')) {
    if (media.schema) {
      const errors = doc.validate(media.schema, a.text);
      if (errors.length) failures.push(`body ${formatErrors(errors)}`);
    }
    if (mediaType === 'text/calendar') failures.push(...checkCalendar(a.text));
    if (mediaType === 'text/plain') failures.push(...checkPlainText(a));
  }
  return failures;
}

/** Headers the response declares: present (the document says each is sent) and valid. */
function checkHeaders(doc: ContractDocument, r: ResponseInfo, a: Answer): string[] {
  const failures: string[] = [];
  for (const [name, h] of Object.entries(r.headers)) {
    const value = a.headers.get(name);
    if (value === null) {
      failures.push(`header ${name} is missing${h.required ? ' (required)' : ''}`);
      continue;
    }
    if (!h.schema) continue;
    const schema = doc.resolveSchema(h.schema.schema);
    if (name.toLowerCase() === 'cache-control' && typeof schema.const === 'string') {
      const directives = value.split(',').map((d) => d.trim().toLowerCase());
      if (!directives.includes(schema.const)) failures.push(`header Cache-Control "${value}" lacks ${schema.const}`);
      continue;
    }
    let typed: unknown = value;
    if (schema.type === 'integer' || schema.type === 'number') typed = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    const errors = doc.validate(h.schema, typed);
    if (errors.length) failures.push(`header ${name} "${value}": ${formatErrors(errors)}`);
  }
  return failures;
}

/** RFC 5545 basics: CRLF lines, one VCALENDAR with VERSION/PRODID, one VEVENT with UID/DTSTAMP/DTSTART. */
export function checkCalendar(text: string): string[] {
  const failures: string[] = [];
  if (/[^\r]\n/.test(text) || /\r(?!\n)/.test(text)) failures.push('calendar lines must end with CRLF (RFC 5545 3.1)');
  // Unfold continuation lines before looking at properties.
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/).filter((l) => l !== '');
  if (lines[0] !== 'BEGIN:VCALENDAR') failures.push('calendar does not start with BEGIN:VCALENDAR');
  if (lines[lines.length - 1] !== 'END:VCALENDAR') failures.push('calendar does not end with END:VCALENDAR');
  for (const p of ['VERSION:2.0', 'PRODID:']) if (!lines.some((l) => l.startsWith(p))) failures.push(`calendar lacks ${p.replace(/:.*/, '')}`);
  const begins = lines.filter((l) => l === 'BEGIN:VEVENT').length;
  const ends = lines.filter((l) => l === 'END:VEVENT').length;
  if (begins !== 1 || ends !== 1) failures.push(`calendar has ${begins} BEGIN:VEVENT / ${ends} END:VEVENT (expected one event)`);
  const start = lines.indexOf('BEGIN:VEVENT');
  const end = lines.indexOf('END:VEVENT');
  const event = start >= 0 && end > start ? lines.slice(start + 1, end) : [];
  for (const p of ['UID', 'DTSTAMP', 'DTSTART']) if (!event.some((l) => l.startsWith(`${p}:`) || l.startsWith(`${p};`))) failures.push(`VEVENT lacks ${p}`);
  return failures;
}

/** The property value of an iCalendar text (unfolded), e.g. `icsProperty(text, 'UID')`. */
export function icsProperty(text: string, name: string): string | undefined {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/);
  const line = lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(':') + 1);
}

function checkPlainText(a: Answer): string[] {
  const failures: string[] = [];
  if (a.text.trim() === '') failures.push('text/plain body is empty');
  const charset = /charset=([^;]+)/i.exec(a.headers.get('Content-Type') ?? '')?.[1]?.trim().replace(/"/g, '').toLowerCase();
  if (charset !== 'utf-8') failures.push(`text/plain without charset=utf-8 (got ${charset ?? 'none'})`);
  return failures;
}

/** The problem codes a declared error response allows (from `code` enums/consts in its schema). */
export function allowedCodes(doc: ContractDocument, op: OperationInfo, status: number): string[] {
  const r = declaredResponse(op, status);
  const media = r?.content['application/problem+json'];
  if (!media?.schema) return [];
  const codes = new Set<string>();
  let sawCodeEnum = false;
  const walk = (node: Json, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 12) return;
    const s = doc.deref(node, '').node;
    const c = s.properties?.code;
    if (c) {
      const cs = doc.deref(c, '').node;
      if (Array.isArray(cs.enum) && !(s === doc.doc.components?.schemas?.Problem)) {
        sawCodeEnum = true;
        cs.enum.forEach((v: string) => codes.add(v));
      }
      if (typeof cs.const === 'string') {
        sawCodeEnum = true;
        codes.add(cs.const);
      }
    }
    for (const k of ['allOf', 'oneOf', 'anyOf'] as const) if (Array.isArray(s[k])) s[k].forEach((p: Json) => walk(p, depth + 1));
  };
  walk(media.schema.schema, 0);
  if (!sawCodeEnum) return Object.entries(doc.problemStatus).filter(([, st]) => st === status).map(([c]) => c);
  return [...codes];
}

/** The path of the first difference between two JSON values ('' = root), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
      if (d !== undefined) return d;
    }
  }
  return path || '/';
}

/** A state stream's first event must be the snapshot: `event`, id = the resource's revision. */
export function snapshotFailures(a: Answer, event: string, check?: (data: Json) => string[]): string[] {
  const first = a.events?.[0];
  if (!first) return [`no event arrived (every connection of a state stream starts with a ${event} snapshot)`];
  if (first.event !== event) return [`first event is "${first.event}", expected the "${event}" snapshot`];
  const data = first.data as Json;
  const failures: string[] = [];
  if (data && first.id !== String(data.revision)) failures.push(`snapshot id ${JSON.stringify(first.id)} ≠ its revision ${JSON.stringify(data?.revision)}`);
  if (check && data) failures.push(...check(data));
  return failures;
}


/**
 * A case's `history` is newest first (the document says so): dates never increase down the list,
 * and two entries of one day that both carry a time are in descending time order.
 */
export function historyOrderFailures(history: unknown): string[] {
  if (!Array.isArray(history)) return [];
  type Moment = { date?: string; dateTime?: string };
  const at = (entry: unknown): Moment => ((entry as { at?: Moment } | null)?.at ?? {});
  const failures: string[] = [];
  for (let i = 1; i < history.length; i++) {
    const [x, y] = [at(history[i - 1]), at(history[i])];
    if (!x.date || !y.date) continue;
    const later = y.date > x.date || (y.date === x.date && !!x.dateTime && !!y.dateTime && Date.parse(y.dateTime) > Date.parse(x.dateTime));
    if (later) failures.push(`history is not newest first: entry ${i} (${y.dateTime ?? y.date}) is later than entry ${i - 1} (${x.dateTime ?? x.date})`);
  }
  return failures;
}
