/**
 * The command line: against the mock served over real HTTP (the mock's own CLI on a free port).
 * Run: node --conditions=civic-source --import tsx --test packages/simulator/test/cli.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = [process.execPath, '--conditions=civic-source', '--import', 'tsx'];

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(NODE[0]!, [...NODE.slice(1), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = start(['packages/simulator/src/cli.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('simulator CLI', () => {
  let mock: ChildProcess;
  let baseUrl = '';

  before(async () => {
    mock = start(['packages/mock-api/src/cli.node.ts', '--port', '0'], { CIVIC_TEST_MODE: '1' });
    baseUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      mock.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      mock.on('exit', (code) => reject(new Error(`mock exited with ${code}`)));
    });
  });

  after(() => {
    mock.kill('SIGTERM');
  });

  it('calls tickets and prints one short line per action, then a summary', async () => {
    const { code, stdout } = await run(['--base-url', baseUrl, '--speed', '60', '--seed', '1', '--only', 'queues', '--ignore-opening-hours', '--duration', '2']);
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n');
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d simulating against http:\/\/127\.0\.0\.1:\d+ at speed 60 \(queues\); Ctrl-C stops$/);
    assert.ok(lines.some((l) => /^\d\d:\d\d:\d\d call buergerbuero-mitte Schalter 1 A017$/.test(l)), stdout);
    assert.match(lines[lines.length - 1]!, /^\d\d:\d\d:\d\d stopped: ticks \d+, called \d+/);
    for (const line of lines) assert.ok(line.length < 120, line);
  });

  it('exits with 2 when the back end refuses the staff key', async () => {
    const { code, stderr, stdout } = await run(['--base-url', baseUrl, '--staff-key', 'wrong']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr.trim(), `The back end at ${baseUrl} refused the staff key (401).`);
  });

  it('exits with 2 on bad options, 0 on --help', async () => {
    const only = await run(['--base-url', baseUrl, '--only', 'queues,coffee']);
    assert.equal(only.code, 2);
    assert.match(only.stderr, /--only: unknown coffee/);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: cli\.ts /);
  });
});
