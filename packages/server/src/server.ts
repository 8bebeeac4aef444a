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

export interface StartOptions {
  config: ServerConfig;
  clock?: Clock;
  log?: Logger;
  /** `SEED` variant (default from the environment: `default` or `xss`). */
  seedVariant?: 'default' | 'xss';
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
  /** Operation ids this server implements (the others answer 503 `unavailable`). */
  implemented: string[];
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
    const appointments = createAppointments(ctx);
    await appointments.start();
    const handlers: Handlers = { ...appointments.handlers };
    contractCache ??= new Contract();
    const sockets = new WeakMap<Request, string>();
    const app = createApp({ contract: contractCache, ctx, handlers, clientIp: (r) => sockets.get(r) ?? 'unknown' });
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

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
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
      })());
    return { ...(url && { url }), ...(port !== undefined && { port }), fetch, listener, db, seed, ctx, implemented: Object.keys(handlers), close };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
