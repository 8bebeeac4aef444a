import { c, type Infer } from '@civic-elements/core';

// Runtime checks of the contract's case shapes (openapi.yaml: CaseAccess, Case). Only what the
// widget reads is checked; extra members pass through.

const moment = c.object({ date: c.date(), dateTime: c.optional(c.dateTime()) });
const text = c.string;

export const caseAccess = c.object({ caseId: c.string(), accessToken: c.string(), expiresAt: c.string() });

export const caseCheck = c.object({
  id: c.string(),
  reference: text(),
  title: text(),
  status: c.object({ code: c.string(), label: text(), since: moment }),
  steps: c.array(
    c.object({
      code: c.string(),
      label: text(),
      state: c.oneOf(['done', 'current', 'upcoming']),
      reachedAt: c.optional(moment),
    }),
  ),
  history: c.array(
    c.object({ at: moment, title: text(), description: c.optional(text()), actor: c.optional(text()) }),
  ),
  expectedCompletion: c.optional(c.date()),
  legalDeadline: c.optional(c.date()),
  suspension: c.optional(
    c.object({
      kind: c.oneOf(['paused', 'extended']),
      reason: text(),
      since: c.date(),
      until: c.optional(c.date()),
    }),
  ),
  actionsRequired: c.array(
    c.object({
      id: c.string(),
      kind: c.string(),
      title: text(),
      description: text(),
      dueDate: c.optional(c.date()),
      url: c.optional(c.string()),
      serviceId: c.optional(c.string()),
    }),
  ),
  result: c.optional(
    c.object({ decision: c.string(), label: c.optional(text()), explanation: text() }),
  ),
  documents: c.array(
    c.object({ title: text(), url: c.optional(c.string()), availableFrom: c.optional(c.date()) }),
  ),
  contact: c.object({
    name: c.optional(text()),
    phone: c.optional(c.string()),
    email: c.optional(c.string()),
    url: c.optional(c.string()),
  }),
  pickup: c.optional(c.object({ ready: c.boolean(), serviceId: c.string() })),
  timeZone: c.string(),
  revision: c.integer(),
  updatedAt: c.dateTime(),
});

export type CaseData = Infer<typeof caseCheck>;
export type Moment = CaseData['status']['since'];

/**
 * Birth date as the citizen types it: `12.03.1984`, `12.3.1984`, `12/03/1984` or ISO `1984-03-12`
 * (what autofill often gives). Returns the ISO calendar date, or undefined when it is no real date.
 */
export function parseBirthdate(input: string): string | undefined {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[./ -](\d{1,2})[./ -](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Fragment key of the magic link `#civic-case=<caseId>&civic-token=<token>`. */
const LINK = /(?:^#|&)civic-case=([A-Za-z0-9._~-]{1,128})&civic-token=([A-Za-z0-9._~-]{16,512})(?:&|$)/;

/** Reads a magic link's fragment; undefined when the fragment is no case link. */
export function readMagicLink(hash: string): { caseId: string; token: string } | undefined {
  const m = LINK.exec(hash);
  return m ? { caseId: m[1]!, token: m[2]! } : undefined;
}

/** The localStorage key of a remembered case (only after the citizen opted in). */
export const STORAGE_KEY = 'civic-status-tracker';

/** Reads the remembered case; anything else in that key is ignored. Storage may be unavailable. */
export function readRemembered(): { caseId: string; token: string } | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (v && typeof v === 'object') {
      const { caseId, token } = v as Record<string, unknown>;
      if (typeof caseId === 'string' && typeof token === 'string') return { caseId, token };
    }
  } catch {
    // Storage blocked (privacy settings, sandboxed frame) or a broken entry: nothing remembered.
  }
  return undefined;
}

/** Stores exactly caseId and token, nothing else. Returns false when storage is unavailable. */
export function writeRemembered(entry: { caseId: string; token: string } | undefined): boolean {
  try {
    if (entry) localStorage.setItem(STORAGE_KEY, JSON.stringify({ caseId: entry.caseId, token: entry.token }));
    else localStorage.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}
