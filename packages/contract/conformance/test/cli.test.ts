// The vendor CLI: usage errors exit 2; a back end that does not conform exits 1 with a readable
// report and (with --json) the full result list. The target here answers every request with
// `500 internal`, so the run is short.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'cli.ts');
/** Runs the CLI (asynchronously: the target below lives in this process). */
const cli = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--conditions=civic-source', '--conditions=civic-source', '--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });

describe('cli.ts', () => {
  let server: Server;
  let url = '';
  const dir = mkdtempSync(join(tmpdir(), 'civic-conformance-'));
  before(async () => {
    server = createServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'urn:civic:problem:internal', title: 'Fehler', status: 500, code: 'internal' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('without --base-url it prints the usage and exits 2', async () => {
    const r = await cli();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--base-url http\(s\):\/\/… is required/);
    assert.match(r.stderr, /Usage: cli\.ts --base-url URL/);
  });

  test('a fixtures file with an unknown key exits 2 and names the key', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ serviceID: 'x' }));
    const r = await cli('--base-url', url, '--fixtures', file);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown keys serviceID/);
  });

  test('a back end that does not conform: exit 1, report per operation with reasons, JSON report', async () => {
    const json = join(dir, 'report.json');
    const r = await cli('--base-url', url, '--json', json);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /FAIL listServices/);
    assert.match(r.stdout, /FAIL valid — expected 200, got 500 internal/);
    assert.match(r.stdout, /Coverage: \d+\/39 operations/);
    assert.match(r.stdout, /\d+ passed, \d+ failed, \d+ skipped\nDOES NOT CONFORM/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(report.ok, false);
    assert.ok(report.results.some((x: { operationId: string; case: string; ok: boolean }) => x.operationId === 'getOffice' && x.case === 'valid' && !x.ok));
  });
});
