/**
 * Server configuration from environment variables. The back-end settings every Civic Elements
 * back end honours (CIVIC_POW_DIFFICULTY, CIVIC_RATE_LIMITS, CIVIC_HOLD_TTL_SECONDS,
 * CIVIC_TEST_MODE) are read by the mock's `settingsFromEnv`, so both back ends read them alike.
 */
import { join } from 'node:path';
import { settingsFromEnv, type BackendSettings } from '@civic-elements/mock-api/settings';
import { retentionFromEnv, type RetentionPeriods } from './retention.js';
import { envelopeAddress, parseSmtpUrl } from './smtp.js';
import { parseClamdTarget } from './scan.js';

export interface ServerConfig {
  /** PORT (default 8787, the contract's documented local port). */
  port: number;
  /** HOST (default 127.0.0.1). */
  host: string;
  /** DATABASE_URL: a real PostgreSQL (`postgres://…`); absent → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** CIVIC_DATA_DIR: PGlite data and the e-mail outbox (default `.civic-data` in the working directory). */
  dataDir: string;
  /** CIVIC_CORS_ORIGINS: comma-separated exact origins, or `*` (default `*`). */
  corsOrigins: readonly string[] | '*';
  /** CIVIC_STAFF_KEY: the `X-Staff-Key` of staff operations (default: the seed's documented demo key). */
  staffKey?: string;
  /** CIVIC_BOOKING_LIMIT: future bookings per e-mail address (default: the seed's town setting). */
  bookingLimit?: number;
  /** CIVIC_TICKET_LIMIT: queue and waiting-room tickets one client may take per hour when rate limits are on (default 10). */
  ticketLimit?: number;
  /** CIVIC_SECRET: HMAC key of proof-of-work challenges; default: random per process start. */
  secret?: string;
  /** CIVIC_SMTP_URL: send e-mails by SMTP (`smtp://user:pass@host:port`, `smtps://…`) instead of the outbox folder. */
  smtpUrl?: string;
  /** CIVIC_MAIL_FROM: the e-mails' sender (`Name <address>`); required with CIVIC_SMTP_URL. */
  mailFrom?: string;
  settings: BackendSettings;
  /** CIVIC_RETENTION_BOOKING_DAYS, CIVIC_RETENTION_WAITLIST_DAYS, CIVIC_RETENTION_NOTIFICATION_DAYS. */
  retention: RetentionPeriods;
  /** CIVIC_CLAMAV: clamd for scanning chat attachments (`host:port`, `unix:/path`); unset = no scanning. */
  clamav?: string;
  /** CIVIC_CHAT_DESK_EMAIL: where offline chat messages go (default `servicedesk@` the town's domain). */
  chatDeskEmail?: string;
  /**
   * CIVIC_BOOKING_PAGE_URL: the town's page with `<civic-appointment-picker>`; the confirmation
   * e-mail's manage link is `<it>#civic-booking=<id>.<manageToken>`. Unset: the e-mail says to use
   * the link shown after booking.
   */
  bookingPageUrl?: string;
}

export class ConfigError extends Error {}

function int(env: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

export function configFromEnv(env: Record<string, string | undefined>, cwd = process.cwd()): ServerConfig {
  let settings: BackendSettings;
  let retention: RetentionPeriods;
  try {
    settings = settingsFromEnv(env);
    retention = retentionFromEnv(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const origins = (env.CIVIC_CORS_ORIGINS ?? '*').trim();
  const corsOrigins =
    origins === '*' || origins === ''
      ? '*'
      : origins.split(',').map((o) => {
          const t = o.trim().replace(/\/+$/, '');
          if (!/^https?:\/\/[^/\s]+$/.test(t)) throw new ConfigError(`CIVIC_CORS_ORIGINS: "${o}" is not an origin (scheme://host[:port])`);
          return t;
        });
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  const staffKey = env.CIVIC_STAFF_KEY?.trim() || undefined;
  if (staffKey !== undefined && staffKey.length < 8) throw new ConfigError('CIVIC_STAFF_KEY must have at least 8 characters');
  const bookingLimit = int(env, 'CIVIC_BOOKING_LIMIT', 1, 1000);
  const ticketLimit = int(env, 'CIVIC_TICKET_LIMIT', 1, 100000);
  const clamav = env.CIVIC_CLAMAV?.trim() || undefined;
  if (clamav) {
    try {
      parseClamdTarget(clamav);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  const chatDeskEmail = env.CIVIC_CHAT_DESK_EMAIL?.trim() || undefined;
  if (chatDeskEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(chatDeskEmail)) throw new ConfigError('CIVIC_CHAT_DESK_EMAIL must be an e-mail address');
  const smtpUrl = env.CIVIC_SMTP_URL?.trim() || undefined;
  if (smtpUrl) {
    try {
      parseSmtpUrl(smtpUrl);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  const mailFrom = env.CIVIC_MAIL_FROM?.trim() || undefined;
  if (mailFrom !== undefined && (!/^[^\s@<>]+@[^\s@<>]+$/.test(envelopeAddress(mailFrom)) || /[\r\n]/.test(mailFrom))) throw new ConfigError('CIVIC_MAIL_FROM must be an e-mail address, optionally as "Name <address>"');
  const bookingPageUrl = env.CIVIC_BOOKING_PAGE_URL?.trim() || undefined;
  if (bookingPageUrl !== undefined && (!/^https?:\/\/[^\s#]+$/.test(bookingPageUrl) || !URL.canParse(bookingPageUrl))) throw new ConfigError('CIVIC_BOOKING_PAGE_URL must be an http(s) URL without a fragment');
  if (smtpUrl && !mailFrom) throw new ConfigError('CIVIC_MAIL_FROM is required with CIVIC_SMTP_URL (the sender the mail server accepts)');
  return {
    port: int(env, 'PORT', 0, 65535) ?? 8787,
    host: env.HOST?.trim() || '127.0.0.1',
    ...(databaseUrl && { databaseUrl }),
    dataDir: env.CIVIC_DATA_DIR?.trim() || join(cwd, '.civic-data'),
    corsOrigins,
    ...(staffKey && { staffKey }),
    ...(bookingLimit !== undefined && { bookingLimit }),
    ...(ticketLimit !== undefined && { ticketLimit }),
    ...(env.CIVIC_SECRET ? { secret: env.CIVIC_SECRET } : {}),
    ...(smtpUrl && { smtpUrl }),
    ...(mailFrom && { mailFrom }),
    settings,
    retention,
    ...(clamav && { clamav }),
    ...(chatDeskEmail && { chatDeskEmail }),
    ...(bookingPageUrl && { bookingPageUrl }),
  };
}
