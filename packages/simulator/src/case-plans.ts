/**
 * The stages a moving case goes through, as `updateCase` bodies. A plan is built from the case's
 * step codes, so it fits any case: the first stage resets the case (removes a result, a pickup, a
 * suspension and the simulator's own action), then one stage per step, with an action required
 * that appears and is resolved after the first working step, a decision or "ready for pickup", and
 * completion. After the last stage the plan starts over. Every stage sets the status and the
 * current step absolutely, so a plan can start from whatever state the back end has.
 */
import { addDays, localDate } from '@civic-elements/contract/seed';
import type { CaseUpdateRequest } from '@civic-elements/contract';
import type { WorldCase } from './world.js';
import { caseText, type Lang } from './texts.js';

/** The id of the action required the simulator adds and resolves. */
export const SIM_ACTION_ID = 'sim-nachweis';

export interface CaseStage {
  /** Short name for logs and tests: `received`, `review`, `action_required`, `approved`, … */
  name: string;
  /** The update for this stage, made when it is applied (due dates are relative to "today"). */
  body(now: number): CaseUpdateRequest;
  /** How long the case stays in this stage, in office minutes (before the speed factor). */
  dwellMinutes: [number, number];
}

export interface CasePlanOptions {
  lang: Lang;
  timeZone: string;
  pickupServiceId?: string;
}

const STEP_DWELL: [number, number] = [3, 6];

export function casePlan(c: WorldCase, options: CasePlanOptions): CaseStage[] {
  const t = caseText(options.lang);
  const today = (now: number) => localDate(now, options.timeZone);
  const stages: CaseStage[] = [];
  let actionAdded = false;

  c.steps.forEach((code, index) => {
    const first = index === 0;
    const reset: CaseUpdateRequest = first ? { result: null, pickup: null, suspension: null, resolveActionRequired: SIM_ACTION_ID } : {};
    if (code === 'received') {
      stages.push({ name: 'received', dwellMinutes: STEP_DWELL, body: () => ({ ...reset, status: t.received, currentStep: code, history: t.receivedHistory }) });
    } else if (code === 'pickup') {
      stages.push({
        name: 'ready_for_pickup',
        dwellMinutes: [6, 10],
        body: () => ({
          ...reset,
          status: t.readyForPickup,
          currentStep: code,
          history: t.readyForPickupHistory,
          ...(options.pickupServiceId && { pickup: { ready: true, serviceId: options.pickupServiceId } }),
        }),
      });
    } else if (code === 'decision') {
      stages.push({
        name: 'approved',
        dwellMinutes: [4, 8],
        body: () => ({ ...reset, status: t.approved, currentStep: code, history: t.decisionHistory, result: t.result }),
      });
    } else if (code === 'completed') {
      // A "completed" step is the end: the final stage below covers it.
      return;
    } else {
      stages.push({
        name: code,
        dwellMinutes: STEP_DWELL,
        body: () => ({ ...reset, status: code === 'production' ? t.inProduction : t.inProgress, currentStep: code, history: t.stepHistory(code) }),
      });
      if (!actionAdded && !first) {
        actionAdded = true;
        stages.push({
          name: 'action_required',
          dwellMinutes: [4, 8],
          body: (now) => ({
            status: t.actionRequired,
            history: t.actionHistory,
            addActionRequired: { id: SIM_ACTION_ID, kind: 'document', ...t.action, dueDate: addDays(today(now), 14) },
          }),
        });
        stages.push({
          name: 'action_resolved',
          dwellMinutes: STEP_DWELL,
          body: () => ({ status: t.inProgress, history: t.actionResolvedHistory, resolveActionRequired: SIM_ACTION_ID }),
        });
      }
    }
  });
  stages.push({
    name: 'completed',
    dwellMinutes: [15, 25],
    body: () => ({ status: t.completed, completeSteps: true, history: t.completedHistory, pickup: null }),
  });
  return stages;
}

/** The stage the case is in according to the seed: the first stage of its current step. */
export function initialStage(c: WorldCase, stages: readonly CaseStage[]): number {
  if (c.finished) return stages.length - 1;
  const names = stages.map((s) => s.name);
  const byStep: Record<string, string> = { received: 'received', pickup: 'ready_for_pickup', decision: 'approved' };
  const index = names.indexOf(byStep[c.currentStep] ?? c.currentStep);
  return index >= 0 ? index : 0;
}
