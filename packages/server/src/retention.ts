/**
 * Retention: personal data is removed after configurable periods. Bookings are deleted
 * `bookingDays` after the appointment ended (their seats stay counted in `slot_units`); waiting-list entries go `waitlistDays` after their range ended; delivered
 * notifications after `notificationDays`; stored idempotent answers (which can contain a booking
 * confirmation) after 24 hours; expired holds, case tokens and used challenges at once; chat
 * conversations (messages, attachments) `chatDays` after their last activity, offline chat
 * messages `chatDays` after they arrived, chat attachments never sent after 24 hours.
 */
import { localDate, addDays } from '@civic-elements/contract/seed';
import type { Db } from './db.js';
import { sweepIdempotency } from './idempotency.js';
import { purgeTickets } from './queues/index.js';
import { purgeChat } from './chat/retention.js';

export interface RetentionPeriods {
  /** Days after a booking's end (CIVIC_RETENTION_BOOKING_DAYS, default 30). */
  bookingDays: number;
  /** Days after a waiting-list entry's last date (CIVIC_RETENTION_WAITLIST_DAYS, default 0). */
  waitlistDays: number;
  /** Days after a notification was delivered (CIVIC_RETENTION_NOTIFICATION_DAYS, default 7). */
  notificationDays: number;
  /** Days after a chat conversation's last activity, and after an offline message arrived (CIVIC_RETENTION_CHAT_DAYS, default 30). */
  chatDays: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = { bookingDays: 30, waitlistDays: 0, notificationDays: 7, chatDays: 30 };

export interface RetentionReport {
  bookings: number;
  waitlist: number;
  notifications: number;
  idempotency: number;
  holds: number;
  caseTokens: number;
  /** Queue and waiting-room tickets (ended a day ago, or taken two days ago) with their e-mail address. */
  tickets: number;
  chatConversations: number;
  chatAttachments: number;
  chatOfflineMessages: number;
}

const DAY = 86_400_000;

export async function runRetention(db: Db, now: number, timeZone: string, periods: RetentionPeriods = DEFAULT_RETENTION): Promise<RetentionReport> {
  return db.transaction(async (tx) => {
    const bookings = await tx.query('DELETE FROM bookings WHERE end_ms < $1', [now - periods.bookingDays * DAY]);
    const lastKept = addDays(localDate(now, timeZone), -periods.waitlistDays);
    const waitlist = await tx.query('DELETE FROM waitlist WHERE to_date < $1', [lastKept]);
    const notifications = await tx.query('DELETE FROM notifications WHERE delivered_at IS NOT NULL AND delivered_at < $1', [now - periods.notificationDays * DAY]);
    const idempotency = await sweepIdempotency(tx, now);
    const holds = await tx.query("DELETE FROM holds WHERE state <> 'active' AND expires_at < $1", [now - DAY]);
    const caseTokens = await tx.query('DELETE FROM case_tokens WHERE expires_at <= $1', [now]);
    await tx.query('DELETE FROM used_challenges WHERE expires_at <= $1', [now]);
    const tickets = await purgeTickets(tx, now);
    const chat = await purgeChat(tx, now, periods.chatDays);
    return { bookings: bookings.rowCount, waitlist: waitlist.rowCount, notifications: notifications.rowCount, idempotency, holds: holds.rowCount, caseTokens: caseTokens.rowCount, tickets, ...chat };
  });
}

export function retentionFromEnv(env: Record<string, string | undefined>): RetentionPeriods {
  const days = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d{1,4}$/.test(raw)) throw new Error(`${name} must be a number of days`);
    return Number(raw);
  };
  return {
    bookingDays: days('CIVIC_RETENTION_BOOKING_DAYS', DEFAULT_RETENTION.bookingDays),
    waitlistDays: days('CIVIC_RETENTION_WAITLIST_DAYS', DEFAULT_RETENTION.waitlistDays),
    notificationDays: days('CIVIC_RETENTION_NOTIFICATION_DAYS', DEFAULT_RETENTION.notificationDays),
    chatDays: days('CIVIC_RETENTION_CHAT_DAYS', DEFAULT_RETENTION.chatDays),
  };
}
