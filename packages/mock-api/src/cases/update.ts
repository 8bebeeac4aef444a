/**
 * A staff update of a case (`updateCase` in staff.yaml), applied the same way by the mock and the
 * reference server: pure — returns the new case with the next revision and never touches `c`.
 */
import { formatInstant, localDate, type Case, type LocalizedText } from '@civic-elements/contract/seed';

/** Staff texts arrive in one language; German is the seed's fallback language. */
const text = (s: string): LocalizedText => ({ de: s });

export interface CaseUpdate {
  status?: { code: string; label: string };
  currentStep?: string;
  completeSteps?: boolean;
  history?: { title: string; description?: string; actor?: string };
  addActionRequired?: { id: string; kind: Case['actionsRequired'][number]['kind']; title: string; description: string; dueDate?: string; url?: string; serviceId?: string };
  resolveActionRequired?: string;
  result?: { decision: NonNullable<Case['result']>['decision']; label?: string; explanation: string } | null;
  suspension?: { kind: 'paused' | 'extended'; reason: string; since: string; until?: string } | null;
  expectedCompletion?: string | null;
  pickup?: { ready: boolean; serviceId: string } | null;
  addDocument?: { title: string; url?: string; availableFrom?: string };
}

/** Applies a staff update to a case (pure: returns the new case with the next revision). */
export function applyCaseUpdate(c: Case, b: CaseUpdate, at: number, tz: string): Case {
  const next: Case = structuredClone(c);
  const moment = { date: localDate(at, tz), dateTime: formatInstant(at, tz) };
  if (b.status) next.status = { code: b.status.code, label: text(b.status.label), since: moment };
  if (b.currentStep !== undefined) {
    const index = next.steps.findIndex((s) => s.code === b.currentStep);
    next.steps = next.steps.map((s, i) => {
      if (i < index) return { ...s, state: 'done', reachedAt: s.reachedAt ?? moment };
      if (i === index) return { ...s, state: 'current', reachedAt: s.state === 'current' && s.reachedAt ? s.reachedAt : moment };
      const { reachedAt: _dropped, ...rest } = s;
      return { ...rest, state: 'upcoming' };
    });
  }
  if (b.completeSteps) next.steps = next.steps.map((s) => ({ ...s, state: 'done', reachedAt: s.reachedAt ?? moment }));
  if (b.history) {
    next.history.unshift({
      at: moment,
      title: text(b.history.title),
      ...(b.history.description !== undefined && { description: text(b.history.description) }),
      ...(b.history.actor !== undefined && { actor: text(b.history.actor) }),
    });
  }
  if (b.addActionRequired) {
    const a = b.addActionRequired;
    const action = { ...a, title: text(a.title), description: text(a.description) };
    const i = next.actionsRequired.findIndex((x) => x.id === a.id);
    if (i >= 0) next.actionsRequired[i] = action;
    else next.actionsRequired.push(action);
  }
  if (b.resolveActionRequired !== undefined) next.actionsRequired = next.actionsRequired.filter((x) => x.id !== b.resolveActionRequired);
  if (b.result === null) delete next.result;
  else if (b.result) next.result = { decision: b.result.decision, ...(b.result.label !== undefined && { label: text(b.result.label) }), explanation: text(b.result.explanation) };
  if (b.suspension === null) delete next.suspension;
  else if (b.suspension) next.suspension = { ...b.suspension, reason: text(b.suspension.reason) };
  if (b.expectedCompletion === null) delete next.expectedCompletion;
  else if (b.expectedCompletion !== undefined) next.expectedCompletion = b.expectedCompletion;
  if (b.pickup === null) delete next.pickup;
  else if (b.pickup) next.pickup = { ...b.pickup };
  if (b.addDocument) next.documents.push({ ...b.addDocument, title: text(b.addDocument.title) });
  next.revision = c.revision + 1;
  next.updatedAt = formatInstant(at, tz);
  return next;
}
