// Runtime checks of the answers only the later steps read (challenge, hold, booking, manage,
// waiting list): in the later steps' chunk, like the code that reads them.
import { c, type Check } from '@civic-elements/core';
import type { AntibotChallenge, Booking, BookingConfirmation, Hold, HoldExtension, WaitlistEntry } from '@civic-elements/contract';

const str = c.string();
const selection = c.array(c.object({ id: str, qty: c.integer() }));
const booked = {
  id: str,
  reference: str,
  start: c.dateTime(),
  end: c.dateTime(),
  location: str,
  type: str,
  services: selection,
  changeableUntil: c.dateTime(),
  joinUrl: c.optional(str),
};

export const bookingChecks = {
  booking: c.object({ ...booked, status: c.oneOf(['confirmed', 'cancelled'] as const) }) as unknown as Check<Booking>,
  confirmation: c.object({ ...booked, manageToken: str }) as unknown as Check<BookingConfirmation>,
  waitlist: c.object({ id: str, from: c.date(), to: c.date() }) as unknown as Check<WaitlistEntry>,
};

export const holdChecks = {
  challenge: c.object({
    challenge: str,
    difficulty: c.integer(),
    signature: str,
    expiresAt: c.dateTime(),
  }) as unknown as Check<AntibotChallenge>,
  hold: c.object({
    holdId: str,
    expiresAt: c.dateTime(),
    extensionsLeft: c.integer(),
    start: c.dateTime(),
    end: c.dateTime(),
    location: str,
    services: selection,
    type: str,
  }) as unknown as Check<Hold>,
  extension: c.object({ expiresAt: c.dateTime(), extensionsLeft: c.integer() }) as unknown as Check<HoldExtension>,
};
