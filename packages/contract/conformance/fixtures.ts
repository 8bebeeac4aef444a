/** Reads and checks a vendor's fixtures file (known-good data of the target). */
import type { Fixtures } from './runner.js';

const KEYS = ['serviceId', 'locationId', 'case', 'queueLocationId', 'officeId', 'origin'] as const;

export function parseFixtures(value: unknown): Fixtures {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('must be a JSON object');
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`unknown keys ${unknown.join(', ')} (allowed: ${KEYS.join(', ')})`);
  for (const k of ['serviceId', 'locationId', 'queueLocationId', 'officeId', 'origin'] as const) {
    if (v[k] !== undefined && typeof v[k] !== 'string') throw new Error(`${k} must be a string`);
  }
  if (v.origin !== undefined && !/^https?:\/\/[^/]+$/.test(v.origin as string)) throw new Error('origin must be scheme://host[:port] without a path');
  if (v.case !== undefined) {
    const c = v.case as Record<string, unknown>;
    const f = c?.secondFactor as Record<string, unknown> | undefined;
    if (typeof c?.reference !== 'string' || !f || (f.kind !== 'birthdate' && f.kind !== 'passcode') || typeof f.value !== 'string') {
      throw new Error('case must be {"reference": "…", "secondFactor": {"kind": "birthdate" | "passcode", "value": "…"}}');
    }
  }
  return v as Fixtures;
}
