/**
 * The ClamAV client against a tiny fake clamd (TCP and unix socket) that speaks INSTREAM: it
 * reassembles the chunks, answers `stream: Eicar-Test-Signature FOUND` for the EICAR string and
 * `stream: OK` otherwise; and the failure modes (nothing listening, a hanging clamd, an ERROR).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClamdScanner, ScanError, interpret, noScanner, parseClamdTarget, scannerFromEnv } from '../src/scan.js';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

interface Fake {
  server: Server;
  /** What each connection streamed (reassembled). */
  received: Buffer[];
  commands: string[];
  close(): Promise<void>;
}

/** A fake clamd: `mode` chooses its behaviour. */
function fakeClamd(listen: (s: Server) => Promise<void>, mode: 'scan' | 'hang' | 'error' = 'scan'): Promise<Fake> {
  const received: Buffer[] = [];
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    let command: string | undefined;
    const chunks: Buffer[] = [];
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (command === undefined) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = buffer.subarray(0, end).toString('utf8');
        commands.push(command);
        buffer = buffer.subarray(end + 1);
      }
      if (mode === 'hang') return;
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          const file = Buffer.concat(chunks);
          received.push(file);
          if (mode === 'error') socket.end('INSTREAM size limit exceeded. ERROR\0');
          else socket.end(file.toString('latin1').includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE') ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + size) return;
        chunks.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
  });
  return listen(server).then(() => ({
    server,
    received,
    commands,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  }));
}

const onTcp = (s: Server) => new Promise<void>((done) => s.listen(0, '127.0.0.1', () => done()));
const port = (f: Fake) => (f.server.address() as { port: number }).port;

describe('scan: the ClamAV client', () => {
  let fake: Fake;
  before(async () => {
    fake = await fakeClamd(onTcp);
  });
  after(() => fake.close());

  it('sends a clean file in chunks and reads stream: OK', async () => {
    const scanner = new ClamdScanner({ host: '127.0.0.1', port: port(fake) }, { chunkBytes: 7 });
    const file = new TextEncoder().encode('%PDF-1.4 harmless content that spans several chunks');
    assert.deepEqual(await scanner.scan(file), { clean: true });
    assert.equal(fake.commands.at(-1), 'zINSTREAM');
    assert.deepEqual(new Uint8Array(fake.received.at(-1)!), file, 'clamd got exactly the file');
  });

  it('reports the signature clamd found', async () => {
    const scanner = scannerFromEnv(`127.0.0.1:${port(fake)}`);
    assert.equal(scanner.kind, 'clamav');
    assert.deepEqual(await scanner.scan(new TextEncoder().encode(`%PDF-1.4\n${EICAR}`)), { clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('scans an empty file', async () => {
    const scanner = new ClamdScanner({ host: '127.0.0.1', port: port(fake) });
    assert.deepEqual(await scanner.scan(new Uint8Array(0)), { clean: true });
  });

  it('talks to clamd over a unix socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-clamd-'));
    const path = join(dir, 'clamd.ctl');
    const local = await fakeClamd((s) => new Promise<void>((done) => s.listen(path, () => done())));
    try {
      assert.deepEqual(await scannerFromEnv(`unix:${path}`).scan(new TextEncoder().encode(EICAR)), { clean: false, signature: 'Eicar-Test-Signature' });
      assert.deepEqual(await new ClamdScanner({ path }).scan(new TextEncoder().encode('fine')), { clean: true });
    } finally {
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails (never passes a file unscanned) when clamd is unreachable, hangs or answers ERROR', async () => {
    const gone = await fakeClamd(onTcp);
    const gonePort = port(gone);
    await gone.close();
    await assert.rejects(new ClamdScanner({ host: '127.0.0.1', port: gonePort }).scan(new Uint8Array([1])), (e: unknown) => e instanceof ScanError && e.code === 'scanner_unreachable');

    const hanging = await fakeClamd(onTcp, 'hang');
    try {
      await assert.rejects(new ClamdScanner({ host: '127.0.0.1', port: port(hanging) }, { timeoutMs: 200 }).scan(new Uint8Array([1])), (e: unknown) => e instanceof ScanError && e.code === 'scanner_timeout');
    } finally {
      await hanging.close();
    }

    const erroring = await fakeClamd(onTcp, 'error');
    try {
      await assert.rejects(new ClamdScanner({ host: '127.0.0.1', port: port(erroring) }).scan(new Uint8Array([1])), (e: unknown) => e instanceof ScanError && e.code === 'scanner_error');
    } finally {
      await erroring.close();
    }
  });
});

describe('scan: configuration', () => {
  it('parses CIVIC_CLAMAV targets and rejects malformed ones', () => {
    assert.deepEqual(parseClamdTarget('clamav:3310'), { host: 'clamav', port: 3310 });
    assert.deepEqual(parseClamdTarget('[::1]:3310'), { host: '::1', port: 3310 });
    assert.deepEqual(parseClamdTarget('unix:/run/clamav/clamd.ctl'), { path: '/run/clamav/clamd.ctl' });
    assert.deepEqual(parseClamdTarget('/run/clamav/clamd.ctl'), { path: '/run/clamav/clamd.ctl' });
    assert.throws(() => parseClamdTarget('clamav'), /CIVIC_CLAMAV/);
    assert.throws(() => parseClamdTarget('clamav:99999'), /CIVIC_CLAMAV/);
  });

  it('defaults to the no-op scanner', async () => {
    assert.equal(scannerFromEnv(undefined), noScanner);
    assert.equal(scannerFromEnv(''), noScanner);
    assert.deepEqual(await noScanner.scan(new TextEncoder().encode(EICAR)), { clean: true });
  });

  it('reads clamd answers', () => {
    assert.deepEqual(interpret('stream: OK'), { clean: true });
    assert.deepEqual(interpret('1: stream: Win.Test.EICAR_HDB-1 FOUND'), { clean: false, signature: 'Win.Test.EICAR_HDB-1' });
    assert.equal(interpret('INSTREAM size limit exceeded. ERROR'), undefined);
  });
});
