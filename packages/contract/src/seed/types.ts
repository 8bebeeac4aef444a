/**
 * Types of the seed file (`packages/contract/seed/musterstadt.json`, times relative to "now") and
 * of the materialised seed `loadSeed()` returns (absolute times in the town's time zone).
 * Citizen-visible texts stay localised (`LocalizedText`) in both; a back end picks the language per
 * request with `localise()` / `localiseDeep()`.
 */

/** A text in several languages; `de` is always present and is the fallback. `de-x-ls` = Leichte Sprache. */
export interface LocalizedText {
  de: string;
  en?: string;
  'de-x-ls'?: string;
  [lang: string]: string | undefined;
}

export type AppointmentType = 'in_person' | 'phone' | 'video';

/** A day relative to "now" in the town's time zone. */
export type RelativeDay =
  /** Today + n days (negative = past). */
  | { dayOffset: number }
  /** The `nth` (1-based) date strictly after today that falls on ISO `weekday` (1 = Monday). */
  | { weekday: number; nth: number };

/** A moment relative to now: a day, optionally with a local time of day (`HH:MM`). Without `time` it is date-only. */
export type RelativeMoment = RelativeDay & { time?: string };

export interface WeeklyHours {
  weekday: number;
  opens: string;
  closes: string;
}

export interface TimeRange {
  opens: string;
  closes: string;
}

export interface SeedException {
  on: RelativeDay;
  /** `true`: closed all day; otherwise `hours` replace the weekly hours of that date. */
  closed?: boolean;
  hours?: TimeRange[];
  reason: LocalizedText;
}

export interface Money {
  amount: number;
  currency: string;
  /** Extra text about the fee (not part of the API's Money; shown in descriptions). */
  note?: LocalizedText;
}

export interface SeedService {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  durationMinutes: number;
  maxQuantity: number;
  requiredDocuments: LocalizedText[];
  fee: Money | null;
  appointmentTypes: AppointmentType[];
  url?: string;
  /** Chat topic the service belongs to. */
  topic?: string;
}

export interface SlotRules {
  /** Length of one slot unit; an appointment takes ceil(total duration / slotMinutes) consecutive units. */
  slotMinutes: number;
  /** Appointments that can run in parallel (counters). */
  seats: number;
  /** Days from today (inclusive) for which slots exist. */
  horizonDays: number;
  /** No slot starts earlier than now + leadMinutes. */
  leadMinutes: number;
}

/** Seats already taken (pre-booked by other citizens, or fully booked), not visible as bookings. */
export interface SeedTaken {
  /** One date … */
  on?: RelativeDay;
  /** … or every such ISO weekday in the horizon. */
  every?: number;
  from: string;
  to: string;
  /** Seats taken per unit; omitted = all. */
  seats?: number;
  reason: string;
}

export interface Address {
  street: string;
  postalCode: string;
  city: string;
  country?: string;
}

export interface SeedLocation {
  id: string;
  name: LocalizedText;
  address: Address;
  geo: { lat: number; lon: number };
  phone?: string;
  email?: string;
  url?: string;
  openingHours: WeeklyHours[];
  exceptions: SeedException[];
  accessibility: { stepFree?: boolean; notes: LocalizedText };
  appointmentTypes: AppointmentType[];
  services: string[];
  /** Services that can only be booked within these weekly windows here. */
  serviceHours?: Record<string, WeeklyHours[]>;
  slotRules: SlotRules;
  taken: SeedTaken[];
}

export interface SeedCaseStep {
  code: string;
  label: LocalizedText;
  state: 'done' | 'current' | 'upcoming';
  reachedAt?: RelativeMoment;
}

export interface SeedCase {
  id: string;
  reference: string;
  secondFactor: { birthdate: string; passcode: string };
  serviceId?: string;
  title: LocalizedText;
  status: { code: string; label: LocalizedText; since: RelativeMoment };
  steps: SeedCaseStep[];
  history: { at: RelativeMoment; title: LocalizedText; description?: LocalizedText; actor?: LocalizedText }[];
  expectedCompletion?: RelativeDay;
  legalDeadline?: RelativeDay;
  suspension?: { kind: 'paused' | 'extended'; reason: LocalizedText; since: RelativeDay; until?: RelativeDay };
  actionsRequired: {
    id: string;
    kind: 'document' | 'reply' | 'appointment' | 'payment' | 'signature' | 'other';
    title: LocalizedText;
    description: LocalizedText;
    dueDate?: RelativeDay;
    url?: string;
    serviceId?: string;
  }[];
  result?: { decision: 'approved' | 'partially_approved' | 'rejected' | 'withdrawn' | 'other'; label?: LocalizedText; explanation: LocalizedText };
  documents: { title: LocalizedText; url?: string; availableFrom?: RelativeDay }[];
  contact: { name?: LocalizedText; phone?: string; email?: string; url?: string };
  pickup?: { ready: boolean; serviceId: string };
}

export interface SeedChat {
  name: LocalizedText;
  officeHours: WeeklyHours[];
  exceptions: SeedException[];
  expectedReplySeconds: number | null;
  agents: { id: string; name: LocalizedText; online: boolean }[];
  bot: {
    name: LocalizedText;
    greeting: LocalizedText;
    suggestions: LocalizedText[];
    answers: { keywords: string[]; text: LocalizedText; suggestions: LocalizedText[] }[];
    fallback: LocalizedText;
  };
  topics: { id: string; label: LocalizedText }[];
  attachments: { maxBytes: number; types: string[]; maxPerMessage: number };
}

export interface SeedQueue {
  locationId: string;
  name: LocalizedText;
  welcome: LocalizedText;
  ticker: LocalizedText[];
  desks: { id: string; name: LocalizedText; open: boolean }[];
  services: { serviceId: string; prefix: string; averageMinutes: number }[];
  waiting: { number: string; serviceId: string; minutesAgo: number }[];
  recentCalls: { number: string; deskId: string; minutesAgo: number }[];
  ticketsOnline: boolean;
  notifications: { email: boolean; sms: boolean };
}

export interface SeedOffice {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  serviceId: string;
  hours: WeeklyHours[];
  exceptions: SeedException[];
  chairs: number;
  chairsBusy: number;
  waiting: number;
  averageMinutes: number;
  joinBaseUrl: string;
  ticketsOnline: boolean;
}

export interface SeedTown {
  ags: string;
  name: LocalizedText;
  timeZone: string;
  languages: string[];
  /** Default staff key of the demo (X-Staff-Key); a real deployment configures its own. */
  staffKey: string;
  bookingLimitPerEmail: number;
  /** Bookings can be changed or cancelled online until this many minutes before the start. */
  changeableUntilMinutes: number;
  holdExtensions: number;
  host: string;
}

/** The seed file as stored (relative times). */
export interface SeedFile {
  version: 1;
  town: SeedTown;
  services: SeedService[];
  locations: SeedLocation[];
  cases: SeedCase[];
  chat: SeedChat;
  queues: SeedQueue[];
  offices: SeedOffice[];
}

// ---------------------------------------------------------------------------- materialised

/** A point in time that may be known only to the day (the contract's `Moment`). */
export interface Moment {
  date: string;
  dateTime?: string;
}

/** A date whose hours differ from the weekly ones, as the contract's `HoursException` (one entry per interval). */
export type HoursException =
  | { date: string; closed: true; reason: LocalizedText }
  | { date: string; closed: false; opens: string; closes: string; reason: LocalizedText };

/**
 * One slot unit of a location: `capacity` seats of `slotMinutes` starting at `start`. Units with the
 * same `block` are back to back within one opening interval (an appointment may span them).
 */
export interface SlotUnit {
  start: string;
  startMs: number;
  endMs: number;
  date: string;
  time: string;
  block: number;
  capacity: number;
  /** Seats taken by the seed (pre-booked); bookings made at run time are not counted here. */
  taken: number;
  /** Ids of the location's services that may be booked in this unit. */
  services: string[];
}

export type Location = Omit<SeedLocation, 'exceptions' | 'taken'> & {
  timeZone: string;
  exceptions: HoursException[];
  horizon: { from: string; to: string };
  slots: SlotUnit[];
};

export type Service = SeedService;

export interface Case {
  id: string;
  reference: string;
  secondFactor: { birthdate: string; passcode: string };
  serviceId?: string;
  title: LocalizedText;
  status: { code: string; label: LocalizedText; since: Moment };
  steps: { code: string; label: LocalizedText; state: 'done' | 'current' | 'upcoming'; reachedAt?: Moment }[];
  /** Newest first. */
  history: { at: Moment; title: LocalizedText; description?: LocalizedText; actor?: LocalizedText }[];
  expectedCompletion?: string;
  legalDeadline?: string;
  suspension?: { kind: 'paused' | 'extended'; reason: LocalizedText; since: string; until?: string };
  actionsRequired: (Omit<SeedCase['actionsRequired'][number], 'dueDate'> & { dueDate?: string })[];
  result?: SeedCase['result'];
  documents: { title: LocalizedText; url?: string; availableFrom?: string }[];
  contact: SeedCase['contact'];
  pickup?: SeedCase['pickup'];
  timeZone: string;
  revision: number;
  updatedAt: string;
}

export interface ChatDesk extends Omit<SeedChat, 'exceptions'> {
  timeZone: string;
  exceptions: HoursException[];
}

export interface Queue extends Omit<SeedQueue, 'waiting' | 'recentCalls'> {
  timeZone: string;
  waiting: { number: string; serviceId: string; takenAt: string }[];
  /** Newest first. */
  recentCalls: { number: string; deskId: string; desk: LocalizedText; calledAt: string }[];
}

export interface Office extends Omit<SeedOffice, 'exceptions'> {
  timeZone: string;
  exceptions: HoursException[];
}

export type SeedVariant = 'default' | 'xss';

/** The seed with absolute times, as `loadSeed()` returns it. */
export interface Seed {
  variant: SeedVariant;
  /** The instant the relative times were resolved against. */
  now: number;
  /** Today's date in the town's time zone. */
  today: string;
  town: SeedTown;
  /** First and last date on which any location has slots. */
  horizon: { from: string; to: string };
  services: Service[];
  locations: Location[];
  cases: Case[];
  chat: ChatDesk;
  queues: Queue[];
  offices: Office[];
}
