/**
 * Conformance suite for the Civic Elements citizen API (`openapi.yaml`).
 *
 * ```ts
 * const report = await runConformance({ baseUrl: 'http://127.0.0.1:8787' });
 * report.results   // [{ operationId, case, ok, skipped?, reason }]
 * report.coverage  // { operations: 39, exercised: 39, percent: 100, missing: [] , … }
 * ```
 *
 * Every operation of the document is walked (paths × methods): a valid request built along a
 * dependency plan, invalid requests derived from the schemas, behavioural rules; every answer is
 * checked against what the document declares for it. The target must run with the documented
 * test-mode settings (`CIVIC_TEST_MODE=1`: proof-of-work difficulty 1, rate limits off, hold TTL
 * 5 s) for the suite to be quick and complete.
 */
import { ContractDocument, DEFAULT_DOCUMENT } from './document.js';
import { DOCUMENTED_INVALID, invalidCases } from './invalid.js';
import { PLAN, runStep } from './plan.js';
import { contentLanguage, cors, fieldErrorPointer, holdExtensionLimit, idempotencySingleResource, internationalEmail, proofRules, slotTakenAlternatives } from './rules.js';
import { Runner, Skip, type CaseResult, type Fixtures, type RunnerOptions } from './runner.js';

export type { CaseResult, Fixtures } from './runner.js';
export { ContractDocument } from './document.js';
export { formatReport } from './report.js';

export interface ConformanceOptions extends RunnerOptions {
  /** The OpenAPI document (default: this package's `openapi.yaml`). */
  document?: string;
}

export interface Coverage {
  /** Operations in the document. */
  operations: number;
  /** Operations whose valid request was sent and checked, and (where the operation takes input) at least one invalid one. */
  exercised: number;
  percent: number;
  /** Operations not fully exercised, with what is missing. */
  missing: string[];
  /** Operations that take input (parameters, a body or a token), and how many got an invalid request. */
  invalidApplicable: number;
  invalidExercised: number;
}

export interface ConformanceReport {
  baseUrl: string;
  results: CaseResult[];
  coverage: Coverage;
  /** The behavioural rules (case names) that were checked. */
  rules: string[];
  passed: number;
  failed: number;
  skipped: number;
  /** No failure and full coverage. */
  ok: boolean;
  durationMs: number;
}

const LENIENT = new Set(['accept-language', 'x-civic-ags']);

/** Every behavioural case a complete run reports (besides `valid` and `invalid:…`). */
export const RULES = [
  'idempotent-replay',
  'idempotency-mismatch',
  'idempotent-repeat',
  'rule:idempotency-creates-one-resource',
  'rule:slot-taken-alternatives',
  'rule:proof-single-use',
  'rule:proof-signature-bound',
  'rule:proof-insufficient-work',
  'rule:hold-extension-limit',
  'rule:hold-expiry',
  'rule:international-email',
  'rule:field-error-pointer',
  'rule:lookup-gives-no-oracle',
  'rule:snapshot-unless-current',
  'rule:chat-resume-last-event-id',
  'rule:chat-last-event-id-wins-over-after',
  'rule:chat-without-id-sends-only-new-events',
  'rule:chat-staff-events',
  'rule:content-language',
  'rule:cors',
] as const;

export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const doc = ContractDocument.load(options.document ?? DEFAULT_DOCUMENT);
  const r = new Runner(doc, options);
  const ids = doc.operations.map((o) => o.operationId);

  // 1. The valid plan (steps in dependency order), with background checks started on the way.
  const background: Promise<void>[] = [];
  for (const id of ids) {
    if (!PLAN.some((s) => s.op === id)) r.results.push({ operationId: id, case: 'valid', ok: false, reason: 'the suite has no valid step for this operation of the document' });
  }
  for (const step of PLAN) {
    if (!ids.includes(step.op)) {
      r.results.push({ operationId: step.op, case: 'valid', ok: false, reason: 'the plan names an operation the document does not have' });
      continue;
    }
    await runStep(r, step);
    if (step.background) background.push(step.background(r));
  }

  // 2. Invalid input for every operation of the document, then documented rules the schema cannot express.
  for (const op of doc.operations) {
    for (const c of invalidCases(r, op)) {
      await r.run(op.operationId, c.name, async () => (await r.exchange(op.operationId, c.request, { status: [c.status], codes: c.codes })).failures, 'invalid');
    }
  }
  for (const d of DOCUMENTED_INVALID) {
    await r.run(d.op, d.name, async () => {
      const req = d.build(r);
      if (typeof req === 'string') throw new Skip(req);
      return (await r.exchange(d.op, req, { status: [d.status], codes: d.codes })).failures;
    }, 'invalid');
  }

  // 3. Behavioural rules that need their own resources.
  await idempotencySingleResource(r);
  await slotTakenAlternatives(r);
  await proofRules(r);
  await holdExtensionLimit(r);
  await internationalEmail(r);
  await fieldErrorPointer(r);
  await contentLanguage(r);
  await cors(r);
  await Promise.all(background);

  // Coverage: from the document, not from the plan.
  const missing: string[] = [];
  let invalidApplicable = 0;
  let invalidExercised = 0;
  for (const op of doc.operations) {
    const kinds = r.exercised.get(op.operationId) ?? new Set();
    const takesInput = op.security.length > 0 || op.requestBody !== undefined || op.parameters.some((p) => !LENIENT.has(p.name.toLowerCase()));
    const gaps: string[] = [];
    if (!kinds.has('valid')) gaps.push('valid');
    if (takesInput) {
      invalidApplicable++;
      if (kinds.has('invalid')) invalidExercised++;
      else gaps.push('invalid');
    }
    if (gaps.length) missing.push(`${op.operationId} (${gaps.join(', ')})`);
  }
  const exercised = ids.length - missing.length;
  const coverage: Coverage = {
    operations: ids.length,
    exercised,
    percent: Math.round((1000 * exercised) / ids.length) / 10,
    missing,
    invalidApplicable,
    invalidExercised,
  };
  const failed = r.results.filter((x) => !x.ok).length;
  const skipped = r.results.filter((x) => x.skipped).length;
  const rules = [...new Set(r.results.filter((x) => !x.case.startsWith('invalid:') && x.case !== 'valid').map((x) => x.case))];
  return {
    baseUrl: options.baseUrl,
    results: r.results,
    coverage,
    rules,
    passed: r.results.length - failed - skipped,
    failed,
    skipped,
    ok: failed === 0 && missing.length === 0,
    durationMs: performance.now() - started,
  };
}

export { Runner };
export type { Fixtures as ConformanceFixtures };
