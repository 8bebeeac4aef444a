// Calendar dates as ISO strings (`YYYY-MM-DD`), computed in UTC so no time zone can shift them.
// Their own module (not grid-navigation.ts): a widget may need the date arithmetic in its first
// chunk while the grid's keyboard controller loads only with the step that shows a grid.
/** `YYYY-MM-DD` → that day at 00:00 UTC. */
export function parse(iso: string): Date {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A UTC date → `YYYY-MM-DD`. */
export function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `days` calendar days later (earlier when negative). */
export function addCalendarDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** The same day number `months` later, or the month's last day when it is shorter (31 Jan → 28/29 Feb). */
export function addCalendarMonths(iso: string, months: number): string {
  const date = parse(iso);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  target.setUTCDate(Math.min(day, lastDay(target)));
  return format(target);
}

/** The number of days in `date`'s month. */
export function lastDay(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}
