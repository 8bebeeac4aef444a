/**
 * The malware-scanning hook for uploads. The default scanner accepts everything; with
 * `CIVIC_CLAMAV` set (`host:port`, `[v6]:port`, `unix:/path/clamd.ctl` or an absolute socket path)
 * every attachment is streamed to clamd with its INSTREAM command before it is stored:
 * `zINSTREAM\0`, then chunks (4-byte big-endian length + bytes), then a zero length; clamd
 * answers `stream: OK` or `stream: <signature> FOUND`. Anything else (clamd down, timeout,
 * `… ERROR`) is an error: the upload is refused rather than stored unscanned.
 */
import { connect, type Socket } from 'node:net';

export type ScanResult = { clean: true } | { clean: false; signature: string };

export interface Scanner {
  /** `none` or `clamav` (for logs and `/healthz`-style reports; never a file name). */
  readonly kind: string;
  scan(bytes: Uint8Array): Promise<ScanResult>;
}

/** Accepts every file (the default when no scanner is configured). */
export const noScanner: Scanner = {
  kind: 'none',
  scan: () => Promise.resolve({ clean: true }),
};

export type ClamdTarget = { host: string; port: number } | { path: string };

/** Parses `CIVIC_CLAMAV`. */
export function parseClamdTarget(value: string): ClamdTarget {
  const v = value.trim();
  if (v.startsWith('unix:')) return { path: v.slice(5) };
  if (v.startsWith('/')) return { path: v };
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(v);
  const port = Number(m?.[3]);
  if (!m || port < 1 || port > 65535) throw new Error(`CIVIC_CLAMAV must be host:port, [v6]:port, unix:/path or /path, got "${value}"`);
  return { host: m[1] ?? m[2]!, port };
}

export class ScanError extends Error {
  constructor(readonly code: 'scanner_unreachable' | 'scanner_timeout' | 'scanner_error') {
    super(code);
  }
}

/** A clamd client speaking INSTREAM over TCP or a unix socket. */
export class ClamdScanner implements Scanner {
  readonly kind = 'clamav';
  constructor(
    readonly target: ClamdTarget,
    private readonly o: { timeoutMs?: number; chunkBytes?: number } = {},
  ) {}

  scan(bytes: Uint8Array): Promise<ScanResult> {
    const timeoutMs = this.o.timeoutMs ?? 30_000;
    const chunk = this.o.chunkBytes ?? 64 * 1024;
    return new Promise<ScanResult>((resolve, reject) => {
      let answer = '';
      let settled = false;
      const socket: Socket = 'path' in this.target ? connect(this.target.path) : connect(this.target.port, this.target.host);
      const finish = (error?: ScanError, result?: ScanResult) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        if (error) reject(error);
        else resolve(result!);
      };
      socket.setTimeout(timeoutMs, () => finish(new ScanError('scanner_timeout')));
      socket.on('error', () => finish(new ScanError('scanner_unreachable')));
      socket.on('connect', () => {
        socket.write('zINSTREAM\0');
        for (let at = 0; at < bytes.length; at += chunk) {
          const part = bytes.subarray(at, Math.min(at + chunk, bytes.length));
          const size = Buffer.alloc(4);
          size.writeUInt32BE(part.length);
          socket.write(size);
          socket.write(part);
        }
        socket.write(Buffer.alloc(4));
      });
      // clamd terminates a z-command's answer with \0 (n-commands: \n) and then closes.
      const complete = () => {
        const line = answer.replace(/[\0\n][\s\S]*$/, '').trim();
        const result = interpret(line);
        if (result) finish(undefined, result);
        else finish(new ScanError('scanner_error'));
      };
      socket.on('data', (data: Buffer) => {
        answer += data.toString('utf8');
        if (/[\0\n]/.test(answer)) complete();
      });
      socket.on('close', () => complete());
    });
  }
}

/** `stream: OK` → clean; `stream: <sig> FOUND` → infected; anything else → undefined (an error). */
export function interpret(line: string): ScanResult | undefined {
  const text = line.replace(/^\d+:\s*/, '');
  if (/^stream: OK$/.test(text)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { clean: false, signature: found[1]! };
  return undefined;
}

/** The scanner `CIVIC_CLAMAV` asks for (no value: `noScanner`). */
export function scannerFromEnv(value: string | undefined): Scanner {
  return value && value.trim() ? new ClamdScanner(parseClamdTarget(value)) : noScanner;
}
