/**
 * Starts the reference server: opens the storage (PGlite in `dataDir`, or PostgreSQL at
 * `databaseUrl`), applies the migrations, materialises the seed on first start, mounts every
 * domain on the Hono app and listens. `close()` stops accepting connections, ends open event
 * streams, waits for running requests and closes the database.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createServer as createHttpServer } from 'node:http';
import { seedVariantFromEnv, type Seed } from '@civic-elements/contract/seed';
import { createApp, type Clock, type Handlers, type ServerContext } from './app.js';
import { Contract } from './contract.js';
import { openDb, type Db } from './db.js';
import type { ServerConfig } from './config.js';
import { jsonLogger, type Logger } from './log.js';
import { seedAnchor } from './seeding.js';
import { createAppointments } from './appointments/index.js';
import { createCases, seedCases } from './cases/index.js';
import { createQueues, isTicketNotification } from './queues/index.js';
import { createChat, isChatNotification } from './chat/index.js';
import { EventBus } from './events.js';
import { deliverPending, OutboxNotifier, type Notifier } from './notifier.js';
import { parseSmtpUrl, SmtpNotifier } from './smtp.js';
import { outboxPage } from './outbox-page.js';
import { runRetention, type RetentionReport } from './retention.js';

export interface StartOptions {
  config: ServerConfig;
  clock?: Clock;
  log?: Logger;
  /** `SEED` variant (default from the environment: `default` or `xss`). */
  seedVariant?: 'default' | 'xss';
  /** Where e-mails go (default: SMTP when `config.smtpUrl` is set, else an outbox folder `<dataDir>/outbox`, shown at /dev/outbox). */
  notifier?: Notifier;
  /** Interval of the delivery loop in ms (default 1000); 0 = only on `deliver()`. */
  deliveryMs?: number;
  /** Listen (default true). False: build everything and return `fetch` only (tests, the demo server mounting /api). */
  listen?: boolean;
}

export interface RunningServer {
  /** `http://host:port` when listening. */
  url?: string;
  port?: number;
  /** The Hono app's fetch, for mounting in another server. */
  fetch: (request: Request) => Promise<Response>;
  /** A Node request listener (e.g. for scripts/start.mjs). */
  listener: ReturnType<typeof getRequestListener>;
  db: Db;
  seed: Seed;
  ctx: ServerContext;
  /** Realtime fan-out (LISTEN/NOTIFY) and the open event streams. */
  bus: EventBus;
  /** Sends pending notifications now; returns how many e-mails went out. */
  deliver(): Promise<number>;
  /** Runs the retention job now (it also runs at start and every hour). */
  retention(): Promise<RetentionReport>;
  close(): Promise<void>;
}

let contractCache: Contract | undefined;

export async function startServer(o: StartOptions): Promise<RunningServer> {
  const config = o.config;
  const clock = o.clock ?? { now: () => Date.now() };
  const log = o.log ?? jsonLogger();
  const db = await openDb({ ...(config.databaseUrl && { databaseUrl: config.databaseUrl }), dataDir: join(config.dataDir, 'pglite') });
  const closers: (() => void | Promise<void>)[] = [];
  try {
    const { seed, created } = await seedAnchor(db, clock.now(), o.seedVariant ?? seedVariantFromEnv(process.env));
    log.info('storage_ready', { storage: db.kind, seeded: created });
    const ctx: ServerContext = {
      db,
      seed,
      config,
      clock,
      secret: config.secret ? new TextEncoder().encode(config.secret) : new Uint8Array(randomBytes(32)),
      staffKey: config.staffKey ?? seed.town.staffKey,
      log,
      onClose: (fn) => closers.push(fn),
    };
    await seedCases(db, seed);
    const bus = new EventBus(db);
    await bus.start();
    const appointments = createAppointments(ctx);
    await appointments.start();
    const cases = createCases(ctx, bus);
    const queues = createQueues(ctx, bus);
    await queues.start();
    const chat = createChat(ctx, bus);
    const handlers: Handlers = { ...appointments.handlers, ...cases.handlers, ...queues.handlers, ...chat.handlers };
    const smtp = !o.notifier && config.smtpUrl ? new SmtpNotifier(parseSmtpUrl(config.smtpUrl), config.mailFrom!, () => clock.now()) : undefined;
    const outbox = o.notifier || smtp ? undefined : new OutboxNotifier(join(config.dataDir, 'outbox'), config.mailFrom, () => clock.now());
    const notifier = o.notifier ?? smtp ?? outbox!;
    const deliver = () => deliverPending(db, notifier, (q, n) => (isChatNotification(n.kind) ? chat.renderMail(q, n) : isTicketNotification(n.kind) ? queues.renderMail(q, n) : appointments.renderMail(q, n)), clock.now(), 50, log);
    const retention = () => runRetention(db, clock.now(), seed.town.timeZone, config.retention);
    const background = (fn: () => Promise<unknown>, ms: number, name: string) => {
      if (ms <= 0) return;
      let running: Promise<unknown> | undefined;
      const timer = setInterval(() => {
        if (running) return;
        running = fn()
          .catch((error: unknown) => log.error(name, { error: (error as { code?: string }).code ?? (error as Error).name }))
          .finally(() => (running = undefined));
      }, ms);
      timer.unref();
      // Shutdown lets a running round finish (an e-mail being sent gets marked), at most 10 s.
      closers.push(async () => {
        clearInterval(timer);
        if (running) await Promise.race([running, new Promise((done) => setTimeout(done, 10_000).unref())]);
      });
    };
    background(deliver, o.deliveryMs ?? 1000, 'delivery_failed');
    background(retention, 3_600_000, 'retention_failed');
    await retention();

    contractCache ??= new Contract();
    const app = createApp({
      contract: contractCache,
      ctx,
      handlers,
      ...(outbox && { extend: (a) => a.get('/dev/outbox', () => outboxPage(outbox)) }),
    });
    const fetch = async (request: Request) => app.fetch(request);
    const listener = getRequestListener(fetch);
    const sweeper = setInterval(() => void appointments.sweep().catch(() => undefined), 1000);
    sweeper.unref();
    closers.push(() => clearInterval(sweeper));

    let server: Server | undefined;
    let url: string | undefined;
    let port: number | undefined;
    if (o.listen !== false) {
      server = createHttpServer(listener);
      await new Promise<void>((done, failed) => {
        server!.once('error', failed);
        server!.listen(config.port, config.host, () => done());
      });
      port = (server.address() as AddressInfo).port;
      url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      log.info('listening', { url });
    }

    // Shutdown ends the event streams first (last registered, first run), so the server can drain.
    closers.push(() => bus.close());
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        ctx.closing = true;
        log.info('stopping', {});
        for (const fn of closers.splice(0).reverse()) await fn();
        if (server) {
          const s = server;
          await new Promise<void>((done) => {
            s.close(() => done());
            s.closeIdleConnections();
            setTimeout(() => s.closeAllConnections(), 5000).unref();
          });
        }
        await db.close();
        log.info('stopped', {});
      })());
    return { ...(url && { url }), ...(port !== undefined && { port }), fetch, listener, db, seed, ctx, bus, deliver, retention, close };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
