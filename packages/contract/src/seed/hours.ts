import type { HoursException, TimeRange, WeeklyHours } from './types.js';
import { addDays, isoWeekday, localDate, minutesOfDay, zonedInstant } from './time.js';

/** The opening intervals of one date: the exceptions of that date if any, else the weekly hours. */
export function hoursOn(weekly: readonly WeeklyHours[], exceptions: readonly HoursException[], date: string): TimeRange[] {
  const special = exceptions.filter((e) => e.date === date);
  if (special.length > 0) {
    return special.flatMap((e) => (e.closed ? [] : [{ opens: e.opens, closes: e.closes }])).sort((a, b) => a.opens.localeCompare(b.opens));
  }
  const weekday = isoWeekday(date);
  return weekly
    .filter((h) => h.weekday === weekday)
    .map(({ opens, closes }) => ({ opens, closes }))
    .sort((a, b) => a.opens.localeCompare(b.opens));
}

/** Whether the hours include the instant. */
export function isOpenAt(weekly: readonly WeeklyHours[], exceptions: readonly HoursException[], instant: number, timeZone: string): boolean {
  const date = localDate(instant, timeZone);
  return hoursOn(weekly, exceptions, date).some(
    (r) => instant >= zonedInstant(date, minutesOfDay(r.opens), timeZone) && instant < zonedInstant(date, minutesOfDay(r.closes), timeZone),
  );
}

/** The next instant at or after `instant` at which the hours open (within `searchDays`), or undefined. */
export function nextOpening(
  weekly: readonly WeeklyHours[],
  exceptions: readonly HoursException[],
  instant: number,
  timeZone: string,
  searchDays = 31,
): number | undefined {
  const today = localDate(instant, timeZone);
  for (let d = 0; d <= searchDays; d++) {
    const date = addDays(today, d);
    for (const r of hoursOn(weekly, exceptions, date)) {
      const opens = zonedInstant(date, minutesOfDay(r.opens), timeZone);
      if (opens >= instant) return opens;
    }
  }
  return undefined;
}
