/**
 * Structured logs (one JSON line each) that never carry personal data: callers pass only
 * operation ids, statuses, durations, counts and error codes — never bodies, tokens, e-mail
 * addresses, names, references or URLs with query strings.
 */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean>): void;
  error(event: string, fields?: Record<string, string | number | boolean>): void;
  request(fields: { operationId: string; status: number; ms: number }): void;
}

/**
 * A writer to standard output that gathers the lines of one turn of the event loop and writes
 * them at once (`setImmediate`), and at the latest when the process exits. Standard output to a
 * pipe or file is written synchronously by Node on Linux: one write call per request's log line
 * cost the server about a tenth of its time under load (profile in packages/server/README.md).
 */
export function batchedWriter(out: { write(text: string): unknown } = process.stdout, schedule: (flush: () => void) => void = setImmediate): { write(line: string): void; flush(): void } {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    out.write(text);
  };
  return {
    write(line) {
      if (pending.push(`${line}\n`) === 1) schedule(flush);
    },
    flush,
  };
}

let stdoutWriter: ReturnType<typeof batchedWriter> | undefined;
/** The process's one batched standard-output writer (flushed on exit). */
function stdoutLine(line: string): void {
  if (!stdoutWriter) {
    const w = (stdoutWriter = batchedWriter());
    process.once('exit', () => w.flush());
  }
  stdoutWriter.write(line);
}

/** `new Date(ms).toISOString()`, remembered for the last millisecond asked (many lines share one). */
let stampMs = NaN;
let stampText = '';
function isoStamp(ms: number): string {
  if (ms !== stampMs) {
    stampMs = ms;
    stampText = new Date(ms).toISOString();
  }
  return stampText;
}

export function jsonLogger(write: (line: string) => void = stdoutLine, requests = true): Logger {
  const emit = (level: string, event: string, fields: Record<string, unknown> = {}) => write(JSON.stringify({ t: isoStamp(Date.now()), level, event, ...fields }));
  return {
    info: (event, fields) => emit('info', event, fields),
    error: (event, fields) => emit('error', event, fields),
    // One per request: the same line `emit` writes, put together without an intermediate object.
    request: (f) => {
      if (requests) write(`{"t":"${isoStamp(Date.now())}","level":"info","event":"request","operationId":${JSON.stringify(f.operationId)},"status":${f.status},"ms":${f.ms}}`);
    },
  };
}

export const silentLogger: Logger = { info() {}, error() {}, request() {} };
