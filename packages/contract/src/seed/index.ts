/**
 * The Musterstadt seed shared by the msw mock and the reference server.
 *
 * `loadSeed({ now })` resolves the seed file's relative times ("in 3 days at 09:30") against an
 * injectable clock in the town's time zone (Europe/Berlin, DST-correct through `Intl`), and
 * generates each location's slot units for its horizon from opening hours, exceptions, slot rules
 * and pre-booked seats. `variant: 'xss'` (selected by `SEED=xss`) puts hostile strings into every
 * citizen-visible text. Deterministic: the same `now` gives the same seed. Browser-safe.
 */
import type {
  Case,
  ChatDesk,
  HoursException,
  Location,
  Moment,
  Office,
  Queue,
  RelativeDay,
  RelativeMoment,
  Seed,
  SeedException,
  SeedFile,
  SeedLocation,
  SeedVariant,
  SlotUnit,
} from './types.js';
import { addDays, formatInstant, isoWeekday, localDate, minutesOfDay, timeOfDay, zonedInstant } from './time.js';
import { hoursOn } from './hours.js';
import { applyXssVariant, type XssVector } from './xss.js';
import { musterstadt } from './musterstadt.data.js';
import { xssVectors } from './xss-vectors.data.js';

export type * from './types.js';
export { localise, localiseDeep, negotiateLanguage, isLocalizedText, type Localised } from './language.js';
export { hoursOn, isOpenAt, nextOpening } from './hours.js';
export { addDays, daysBetween, formatInstant, isoWeekday, localDate, localTime, minutesOfDay, offsetMinutes, timeOfDay, zonedInstant } from './time.js';
export { applyXssVariant, type XssVector } from './xss.js';
export { musterstadt, xssVectors };

export interface LoadSeedOptions {
  /** The instant relative times are resolved against (the back end's clock). */
  now: number;
  /** `xss` replaces every citizen-visible text with hostile strings. Default `default`. */
  variant?: SeedVariant;
  /** Another seed file (default: Musterstadt). */
  file?: SeedFile;
  /** Other hostile strings for the `xss` variant (default: xss-vectors.json). */
  vectors?: readonly XssVector[];
}

/** Reads the `SEED` environment setting: unset or `default` → `default`, `xss` → `xss`. */
export function seedVariantFromEnv(env: Record<string, string | undefined>): SeedVariant {
  const value = env.SEED;
  if (value === undefined || value === '' || value === 'default') return 'default';
  if (value === 'xss') return 'xss';
  throw new Error('SEED must be default or xss');
}

export function loadSeed(options: LoadSeedOptions): Seed {
  const { now, variant = 'default' } = options;
  if (!Number.isFinite(now)) throw new Error('loadSeed needs a finite `now`');
  const base = options.file ?? musterstadt;
  const file = variant === 'xss' ? applyXssVariant(base, options.vectors ?? xssVectors) : structuredClone(base);
  const tz = file.town.timeZone;
  const today = localDate(now, tz);

  const day = (rel: RelativeDay): string => {
    if ('dayOffset' in rel) return addDays(today, rel.dayOffset);
    const ahead = (rel.weekday - isoWeekday(today) + 7) % 7 || 7;
    return addDays(today, ahead + 7 * (rel.nth - 1));
  };
  const moment = (rel: RelativeMoment): Moment => {
    const date = day(rel);
    return rel.time === undefined ? { date } : { date, dateTime: formatInstant(zonedInstant(date, minutesOfDay(rel.time), tz), tz) };
  };
  const momentInstant = (m: Moment): number => (m.dateTime ? Date.parse(m.dateTime) : zonedInstant(m.date, 0, tz));
  const exceptions = (list: readonly SeedException[]): HoursException[] =>
    list
      .flatMap((e): HoursException[] => {
        const date = day(e.on);
        if (e.closed || !e.hours || e.hours.length === 0) return [{ date, closed: true, reason: e.reason }];
        return e.hours.map((h) => ({ date, closed: false, opens: h.opens, closes: h.closes, reason: e.reason }));
      })
      .sort((a, b) => a.date.localeCompare(b.date));

  const locations = file.locations.map((l) => materialiseLocation(l, { now, today, tz, day, exceptions: exceptions(l.exceptions) }));

  const cases: Case[] = file.cases.map((c) => {
    const history = c.history
      .map((h) => ({ ...h, at: moment(h.at) }))
      .sort((a, b) => momentInstant(b.at) - momentInstant(a.at));
    const newest = history[0]?.at ?? moment(c.status.since);
    return {
      id: c.id,
      reference: c.reference,
      secondFactor: c.secondFactor,
      ...(c.serviceId ? { serviceId: c.serviceId } : {}),
      title: c.title,
      status: { code: c.status.code, label: c.status.label, since: moment(c.status.since) },
      steps: c.steps.map((s) => ({ code: s.code, label: s.label, state: s.state, ...(s.reachedAt ? { reachedAt: moment(s.reachedAt) } : {}) })),
      history,
      ...(c.expectedCompletion ? { expectedCompletion: day(c.expectedCompletion) } : {}),
      ...(c.legalDeadline ? { legalDeadline: day(c.legalDeadline) } : {}),
      ...(c.suspension
        ? { suspension: { kind: c.suspension.kind, reason: c.suspension.reason, since: day(c.suspension.since), ...(c.suspension.until ? { until: day(c.suspension.until) } : {}) } }
        : {}),
      actionsRequired: c.actionsRequired.map(({ dueDate, ...a }) => ({ ...a, ...(dueDate ? { dueDate: day(dueDate) } : {}) })),
      ...(c.result ? { result: c.result } : {}),
      documents: c.documents.map(({ availableFrom, ...d }) => ({ ...d, ...(availableFrom ? { availableFrom: day(availableFrom) } : {}) })),
      contact: c.contact,
      ...(c.pickup ? { pickup: c.pickup } : {}),
      timeZone: tz,
      revision: history.length,
      updatedAt: formatInstant(momentInstant(newest), tz),
    };
  });

  const chat: ChatDesk = { ...file.chat, timeZone: tz, exceptions: exceptions(file.chat.exceptions) };

  const queues: Queue[] = file.queues.map((q) => ({
    ...q,
    timeZone: tz,
    waiting: q.waiting.map((w) => ({ number: w.number, serviceId: w.serviceId, takenAt: formatInstant(now - w.minutesAgo * 60_000, tz) })),
    recentCalls: [...q.recentCalls]
      .sort((a, b) => a.minutesAgo - b.minutesAgo)
      .map((r) => {
        const desk = q.desks.find((d) => d.id === r.deskId);
        if (!desk) throw new Error(`queue ${q.locationId}: unknown desk ${r.deskId}`);
        return { number: r.number, deskId: r.deskId, desk: desk.name, calledAt: formatInstant(now - r.minutesAgo * 60_000, tz) };
      }),
  }));

  const offices: Office[] = file.offices.map((o) => ({ ...o, timeZone: tz, exceptions: exceptions(o.exceptions) }));

  const froms = locations.map((l) => l.horizon.from).sort();
  const tos = locations.map((l) => l.horizon.to).sort();
  return {
    variant,
    now,
    today,
    town: file.town,
    horizon: { from: froms[0] ?? today, to: tos[tos.length - 1] ?? today },
    services: file.services,
    locations,
    cases,
    chat,
    queues,
    offices,
  };
}

interface LocationContext {
  now: number;
  today: string;
  tz: string;
  day: (rel: RelativeDay) => string;
  exceptions: HoursException[];
}

function materialiseLocation(l: SeedLocation, ctx: LocationContext): Location {
  const { now, today, tz, day } = ctx;
  const { slotMinutes, seats, horizonDays, leadMinutes } = l.slotRules;
  if (slotMinutes <= 0 || seats <= 0 || horizonDays <= 0) throw new Error(`location ${l.id}: invalid slot rules`);
  const earliest = now + leadMinutes * 60_000;
  const last = addDays(today, horizonDays - 1);
  const takenOn = l.taken.map((t) => ({ ...t, date: t.on ? day(t.on) : undefined }));
  const slots: SlotUnit[] = [];
  let block = 0;
  for (let d = 0; d < horizonDays; d++) {
    const date = addDays(today, d);
    const weekday = isoWeekday(date);
    for (const range of hoursOn(l.openingHours, ctx.exceptions, date)) {
      block++;
      const opens = minutesOfDay(range.opens);
      const closes = minutesOfDay(range.closes);
      for (let m = opens; m + slotMinutes <= closes; m += slotMinutes) {
        const startMs = zonedInstant(date, m, tz);
        if (startMs < earliest) continue;
        let taken = 0;
        for (const t of takenOn) {
          const applies = t.date !== undefined ? t.date === date : t.every === weekday;
          if (applies && m >= minutesOfDay(t.from) && m < minutesOfDay(t.to)) taken += t.seats ?? seats;
        }
        const services = l.services.filter((id) => {
          const windows = l.serviceHours?.[id];
          if (!windows) return true;
          return windows.some((w) => w.weekday === weekday && m >= minutesOfDay(w.opens) && m + slotMinutes <= minutesOfDay(w.closes));
        });
        slots.push({
          start: formatInstant(startMs, tz),
          startMs,
          endMs: zonedInstant(date, m + slotMinutes, tz),
          date,
          time: timeOfDay(m),
          block,
          capacity: seats,
          taken: Math.min(taken, seats),
          services,
        });
      }
    }
  }
  const { exceptions: _seedExceptions, taken: _taken, ...rest } = l;
  return { ...rest, timeZone: tz, exceptions: ctx.exceptions, horizon: { from: today, to: last }, slots };
}
