/**
 * The server's life cycle around its storage: one PGlite data directory is opened by one server at
 * a time (a second open is refused, a lock left by a killed process is taken over), and once
 * shutdown began new requests answer 503 with Retry-After instead of failing on the closing
 * database with a 500. The `xss` seed, whose strings include a NUL character and lone surrogates,
 * starts too (those characters are stored as U+FFFD).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Contract, configFromEnv, createApp, silentLogger, startServer, type ServerContext } from '@civic-elements/server';
import { openPglite } from '../src/db.js';
import { storable } from '../src/text.js';
import { pgliteServer } from './helpers.js';

describe('server life cycle', () => {
  it('refuses to start with an operation of the contract that has no handler', () => {
    assert.throws(
      () => createApp({ contract: new Contract(), ctx: {} as ServerContext, handlers: {} }),
      (e: Error) => /No handler for: .*getChatAvailability/.test(e.message) && e.message.includes('callNextTicket'),
    );
  });

  it('opens a PGlite data directory once: a second open is refused until the first closes', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'civic-lock-')), 'pglite');
    try {
      const first = await openPglite(dir);
      assert.ok(existsSync(`${dir}.lock`));
      await assert.rejects(openPglite(dir), (e: Error & { code?: string }) => e.code === 'EDATADIRBUSY' && /in use by this process/.test(e.message));
      await first.close();
      assert.ok(!existsSync(`${dir}.lock`), 'closing releases the lock');
      const again = await openPglite(dir);
      await again.close();
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });

  it('refuses a directory another live process holds, and takes over the lock of a process that is gone', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'civic-lock-')), 'pglite');
    try {
      // The parent of this test process is alive (npm or the test runner).
      writeFileSync(`${dir}.lock`, String(process.ppid));
      await assert.rejects(openPglite(dir), (e: Error & { code?: string }) => e.code === 'EDATADIRBUSY' && e.message.includes(`process ${process.ppid}`));
      // A pid no process has (above Linux's pid_max): a crashed server's lock.
      writeFileSync(`${dir}.lock`, '4999999');
      const db = await openPglite(dir);
      await db.close();
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });

  it('answers 503 with Retry-After once shutdown began (health check and operations)', async () => {
    const s = await pgliteServer();
    try {
      assert.equal((await s.fetch(new Request(`${s.url}/v1/services`))).status, 200);
    } finally {
      await s.close();
      rmSync(s.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
    for (const path of ['/v1/services', '/healthz']) {
      const r = await s.fetch(new Request(`${s.url}${path}`));
      assert.equal(r.status, 503, path);
      assert.equal(r.headers.get('Retry-After'), '5');
      assert.equal(((await r.json()) as { code: string }).code, 'unavailable');
    }
  });

  it('starts on the xss seed: NUL characters and lone surrogates are kept as U+FFFD, everything else as it is', async () => {
    assert.deepEqual(storable({ a: ['<scr\u0000ipt>', 'x\ud83d', '\ud83d\ude00'], 'k\u0000': 1 }), { a: ['<scr\ufffdipt>', 'x\ufffd', '\ud83d\ude00'], 'k\u0000': 1 });
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-xss-'));
    const s = await startServer({ config: configFromEnv({ CIVIC_TEST_MODE: '1', CIVIC_DATA_DIR: dataDir, PORT: '0' }), seedVariant: 'xss', log: silentLogger, deliveryMs: 0 });
    try {
      const services = await (await fetch(`${s.url}/v1/services`)).text();
      assert.ok(services.includes('<script>'), 'hostile strings are served as they are, as text');
      assert.ok(!services.includes('\\u0000'));
      // The cases (stored in the database at the first start) hold the vectors too.
      const stored = await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE data::text LIKE '%\\ufffd%' OR data::text LIKE '%\ufffd%'");
      assert.ok(stored.rows[0]!.n >= 1, 'a case with a replaced character is stored');
    } finally {
      await s.close();
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});
