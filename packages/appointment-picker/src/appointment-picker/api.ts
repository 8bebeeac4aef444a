// Runtime checks of the answers the picker's first steps read (core's `c` checkers), typed by the
// contract; the later steps' checks are in booking-checks.ts (their own chunk).
import { c, type Check } from '@civic-elements/core';
import type { AntibotChallenge, Availability, Booking, BookingConfirmation, Hold, Location, Service, Slot } from '@civic-elements/contract';

export type { AntibotChallenge, Availability, Booking, BookingConfirmation, Hold, Location, Service, Slot };
export type AppointmentType = Service['appointmentTypes'][number];

const str = c.string();
const types = c.array(c.oneOf(['in_person', 'phone', 'video'] as const));

const service = c.object({
  id: str,
  name: str,
  description: str,
  durationMinutes: c.integer(),
  maxQuantity: c.integer(),
  requiredDocuments: c.array(str),
  fee: c.nullable(c.object({ amount: c.number(), currency: str })),
  appointmentTypes: types,
});

const location = c.object({
  id: str,
  name: str,
  address: c.object({ street: str, postalCode: str, city: str }),
  timeZone: str,
  openingHours: c.array(c.object({ weekday: c.integer(), opens: str, closes: str })),
  exceptions: c.array(c.object({ date: c.date(), closed: c.boolean(), reason: str })),
  accessibility: c.object({ notes: str, stepFree: c.optional(c.boolean()) }),
  appointmentTypes: types,
  services: c.array(str),
});

const slot = c.object({ start: c.dateTime(), end: c.dateTime(), seats: c.integer(), location: str });

export const checks = {
  services: c.object({ items: c.array(service) }) as unknown as Check<{ items: Service[] }>,
  locations: c.object({ items: c.array(location) }) as unknown as Check<{ items: Location[] }>,
  availability: c.object({
    horizon: c.object({ from: c.date(), to: c.date() }),
    days: c.array(c.object({ date: c.date(), slots: c.array(slot) })),
    nextAvailable: c.optional(c.date()),
    timeZone: c.optional(str),
  }) as unknown as Check<Availability>,
};

/** `personalausweis:2,meldebescheinigung:1` for the availability query. */
export const servicesParam = (sel: ReadonlyMap<string, number>): string =>
  [...sel].map(([id, qty]) => `${id}:${qty}`).join(',');

/** The calendar date (`YYYY-MM-DD`) of an RFC 3339 local time. */
export const localDate = (start: string): string => start.slice(0, 10);
