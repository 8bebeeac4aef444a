/**
 * What the simulator needs to know about the town that the staff API cannot list: which queues
 * and desks exist, which virtual offices and chairs, which cases to move and through which steps,
 * the chat desk's agents and bot. Taken from the shared seed file (the mock and the reference
 * server load the same one), so the ids match either back end.
 */
import { musterstadt, type LocalizedText, type SeedFile } from '@civic-elements/contract/seed';

export interface WorldQueue {
  locationId: string;
  /** Open desks (closed desks of the seed are left alone). */
  desks: { id: string; name: LocalizedText }[];
  services: { serviceId: string; averageMinutes: number }[];
  ticker: LocalizedText[];
}

export interface WorldOffice {
  id: string;
  /** Chair ids (`1` … `chairs`, as the back ends create them from the seed). */
  chairs: string[];
  /** Chairs the seed starts in a call of someone else's (`1` … `chairsBusy`). */
  busyChairs?: string[];
  averageMinutes: number;
  /** Video rooms are `joinBaseUrl` + a random room code. */
  joinBaseUrl: string;
}

export interface WorldCase {
  id: string;
  /** Step codes in order. */
  steps: string[];
  /** The step that is `current` in the seed (or the last one when all are done). */
  currentStep: string;
  /** Whether every step is `done` in the seed. */
  finished: boolean;
}

export interface WorldChat {
  /** Names of the agents who are online in the seed. */
  agents: LocalizedText[];
  bot: { name: LocalizedText; greeting: LocalizedText; suggestions: LocalizedText[] };
  topics: { id: string; label: LocalizedText }[];
}

export interface SimulatorWorld {
  timeZone: string;
  queues: WorldQueue[];
  offices: WorldOffice[];
  /** Cases the simulator moves; every other case stays as the seed has it. */
  cases: WorldCase[];
  chat: WorldChat;
  /** The service a "ready for pickup" case points to (`pickup.serviceId`), if the town has one. */
  pickupServiceId?: string;
}

/**
 * Cases that move by default: one that starts at "received" and walks through review, an action
 * required, a decision and completion (c-4718), and one that goes through production to "ready for
 * pickup" and collection (c-4715). The other seven keep their state, so every status stays
 * available to a demo visitor (see the README's table).
 */
export const DEFAULT_MOVING_CASES: readonly string[] = ['c-4718', 'c-4715'];

export interface WorldOptions {
  /** Ids of the cases to move (default {@link DEFAULT_MOVING_CASES}); unknown ids are ignored. */
  movingCases?: readonly string[];
}

export function worldFromSeed(seed: SeedFile = musterstadt, options: WorldOptions = {}): SimulatorWorld {
  const moving = new Set(options.movingCases ?? DEFAULT_MOVING_CASES);
  const pickup = seed.services.find((s) => s.id === 'dokument-abholung');
  return {
    timeZone: seed.town.timeZone,
    queues: seed.queues.map((q) => ({
      locationId: q.locationId,
      desks: q.desks.filter((d) => d.open).map((d) => ({ id: d.id, name: d.name })),
      services: q.services.map((s) => ({ serviceId: s.serviceId, averageMinutes: s.averageMinutes })),
      ticker: q.ticker,
    })),
    offices: seed.offices.map((o) => ({
      id: o.id,
      chairs: Array.from({ length: o.chairs }, (_, i) => String(i + 1)),
      busyChairs: Array.from({ length: o.chairsBusy }, (_, i) => String(i + 1)),
      averageMinutes: o.averageMinutes,
      joinBaseUrl: o.joinBaseUrl,
    })),
    cases: seed.cases
      .filter((c) => moving.has(c.id))
      .map((c) => {
        const current = c.steps.find((s) => s.state === 'current');
        const last = c.steps[c.steps.length - 1];
        return {
          id: c.id,
          steps: c.steps.map((s) => s.code),
          currentStep: current?.code ?? last?.code ?? '',
          finished: !current && c.steps.every((s) => s.state === 'done'),
        };
      }),
    chat: {
      agents: seed.chat.agents.filter((a) => a.online).map((a) => a.name),
      bot: { name: seed.chat.bot.name, greeting: seed.chat.bot.greeting, suggestions: seed.chat.bot.suggestions },
      topics: seed.chat.topics,
    },
    ...(pickup && { pickupServiceId: pickup.id }),
  };
}
