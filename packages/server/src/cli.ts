/**
 * The reference server from the command line:
 *
 *   node --conditions=civic-source --import tsx packages/server/src/cli.ts
 *
 * Environment: PORT (8787), HOST (127.0.0.1), DATABASE_URL (a PostgreSQL; default: embedded
 * PGlite in CIVIC_DATA_DIR, default ./.civic-data), CIVIC_CORS_ORIGINS (comma-separated or *),
 * CIVIC_STAFF_KEY, CIVIC_BOOKING_LIMIT, CIVIC_SECRET, and the back-end settings
 * CIVIC_POW_DIFFICULTY, CIVIC_RATE_LIMITS, CIVIC_HOLD_TTL_SECONDS, CIVIC_TEST_MODE; e-mail by SMTP with
 * CIVIC_SMTP_URL (smtp://user:pass@host:port or smtps://…) and CIVIC_MAIL_FROM, else into the outbox folder.
 * SIGINT/SIGTERM stop it gracefully.
 */
import { ConfigError, configFromEnv } from './config.js';
import { startServer } from './server.js';

let config;
try {
  config = configFromEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`[server] ${error.message}`);
    process.exit(2);
  }
  throw error;
}
const server = await startServer({ config });
const mail = config.smtpUrl ? `e-mail by SMTP to ${new URL(config.smtpUrl).host}` : 'e-mail into the outbox folder';
console.error(`[server] Civic Elements reference server on ${server.url} (${server.db.kind}, ${mail})`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
