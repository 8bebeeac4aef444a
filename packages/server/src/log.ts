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

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), requests = true): Logger {
  const emit = (level: string, event: string, fields: Record<string, unknown> = {}) => write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }));
  return {
    info: (event, fields) => emit('info', event, fields),
    error: (event, fields) => emit('error', event, fields),
    request: (fields) => {
      if (requests) emit('info', 'request', fields);
    },
  };
}

export const silentLogger: Logger = { info() {}, error() {}, request() {} };
