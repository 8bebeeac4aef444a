/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl` (browser and Node alike).
 * Offsets come from `Intl.DateTimeFormat`, so daylight-saving changes are handled by the platform's
 * time-zone database, never by a fixed `+01:00`.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Memo of the pure formatting below, per zone and instant: `Intl` formatting costs tens of
 * microseconds and availability formats every slot unit of every request. Bounded: a zone's memo
 * is dropped whole when it reaches `MEMO_LIMIT` entries.
 */
const MEMO_LIMIT = 20_000;
const wallMemo = new Map<string, Map<number, Readonly<WallClock>>>();
const instantMemo = new Map<string, Map<number, string>>();

function memoOf<V>(memos: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
  let m = memos.get(timeZone);
  if (!m) {
    m = new Map();
    memos.set(timeZone, m);
  } else if (m.size >= MEMO_LIMIT) {
    m.clear();
  }
  return m;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const known = wallMemo.get(timeZone)?.get(instant);
  if (known) return { ...known };
  const w = computeWallClock(instant, timeZone);
  memoOf(wallMemo, timeZone).set(instant, Object.freeze({ ...w }));
  return w;
}

function computeWallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** UTC offset of the zone at that instant, in minutes (Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `YYYY-MM-DD` of the instant in the zone. */
export function localDate(instant: number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:MM` of the instant in the zone. */
export function localTime(instant: number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** RFC 3339 with the zone's offset at that instant, e.g. `2026-12-07T09:30:00+01:00` (never `Z`). */
export function formatInstant(instant: number, timeZone: string): string {
  const known = instantMemo.get(timeZone)?.get(instant);
  if (known !== undefined) return known;
  const w = wallClock(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off < 0 ? '-' : '+';
  const text = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  memoOf(instantMemo, timeZone).set(instant, text);
  return text;
}

/** Minutes after midnight of `HH:MM` (`24:00` = 1440). */
export function minutesOfDay(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`not a time of day: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function timeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The instant at which the zone's clocks show `date` + `minutes` after midnight. A wall time that
 * does not exist (the hour skipped in spring) maps to the instant the offset before the gap
 * implies, i.e. one hour later on the wall; an ambiguous one (autumn) to its first occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [y, mo, d] = parseDate(date);
  const wallAsUtc = Date.UTC(y, mo - 1, d, 0, minutes);
  // Two candidates: the offsets just before and just after the guess; take the first that maps back.
  const before = wallAsUtc - offsetMinutes(wallAsUtc - 86_400_000 / 2, timeZone) * 60000;
  const after = wallAsUtc - offsetMinutes(wallAsUtc + 86_400_000 / 2, timeZone) * 60000;
  const candidates = [before, after].sort((a, b) => a - b);
  for (const c of candidates) {
    if (wallAsUtc - offsetMinutes(c, timeZone) * 60000 === c) return c;
  }
  return before;
}

/** Calendar arithmetic on `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = parseDate(date);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parseDate(a);
  const [yb, mb, db] = parseDate(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}
