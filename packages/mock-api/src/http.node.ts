/**
 * Serves the mock API's msw handlers over real HTTP (Node only), for the conformance suite, the
 * simulator and tools: `node:http` ↔ fetch `Request`/`Response` through msw's `getResponse`, with
 * streamed response bodies (Server-Sent Events arrive event by event) and CORS as the contract
 * describes it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createMockApi, type MockApi, type MockApiOptions } from './index.js';
import { problem } from './support/problem.js';

export interface ServeOptions extends MockApiOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback by default; the mock is a development tool. */
  host?: string;
  /**
   * Origins allowed by CORS: a list of exact origins (`https://www.musterstadt.de`) or `'*'`
   * (default) for every origin.
   */
  corsOrigins?: readonly string[] | '*';
  /** Serve an existing mock API instead of creating one from the options. */
  api?: MockApi;
  /** Largest request body accepted (default 16 MiB; larger is `413 payload_too_large`). */
  maxBodyBytes?: number;
}

export interface MockServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  api: MockApi;
  /** Closes open streams and connections, then the server. */
  close(): Promise<void>;
}

export const CORS_ALLOW_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
export const CORS_ALLOW_HEADERS = 'Accept, Accept-Language, Authorization, Content-Type, Idempotency-Key, Last-Event-ID, X-Civic-AGS';
export const CORS_EXPOSE_HEADERS = 'Content-Language, Content-Disposition, Idempotent-Replayed, Location, Retry-After';

function corsHeaders(origin: string | undefined, allowed: readonly string[] | '*'): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (!origin) return headers;
  if (allowed === '*') headers['Access-Control-Allow-Origin'] = '*';
  else if (allowed.includes(origin)) headers['Access-Control-Allow-Origin'] = origin;
  else return headers;
  headers['Access-Control-Expose-Headers'] = CORS_EXPOSE_HEADERS;
  return headers;
}

function sendProblem(res: ServerResponse, status: number, code: string, detail: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify(problem(status, code, detail)));
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer> | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Uint8Array.from(Buffer.concat(chunks));
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    // Hop-by-hop headers mean nothing to the handlers.
    if (/^(connection|keep-alive|transfer-encoding|upgrade)$/i.test(name)) continue;
    headers.append(name, req.rawHeaders[i + 1]!);
  }
  return headers;
}

/** Starts the server; resolves once it listens. */
export async function serveMockApi(options: ServeOptions = {}): Promise<MockServer> {
  const api = options.api ?? createMockApi(options);
  const allowed = options.corsOrigins ?? '*';
  const limit = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const host = options.host ?? '127.0.0.1';

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendProblem(res, 500, 'internal', 'An unexpected error occurred.', {});
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    // Staff endpoints are never exposed to browsers: no CORS permission for /staff/ paths.
    const staffPath = /^\/staff\//.test(new URL(req.url ?? '/', 'http://x').pathname);
    const cors = staffPath ? { Vary: 'Origin' } : corsHeaders(origin, allowed);
    const method = (req.method ?? 'GET').toUpperCase();

    if (method === 'OPTIONS') {
      const preflight = 'Access-Control-Allow-Origin' in cors && req.headers['access-control-request-method'];
      res.writeHead(204, {
        ...cors,
        ...(preflight && {
          'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
          'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        }),
        Allow: CORS_ALLOW_METHODS,
      });
      res.end();
      return;
    }

    const abort = new AbortController();
    res.on('close', () => abort.abort());
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const read = await readBody(req, limit);
      if (read === 'too_large') {
        sendProblem(res, 413, 'payload_too_large', 'The request body is too large.', cors);
        return;
      }
      body = read;
    }
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}`}`), {
      method,
      headers: toHeaders(req),
      body: body && body.length > 0 ? body : undefined,
      signal: abort.signal,
    });

    const response = await getResponse(api.handlers, request);
    if (!response) {
      sendProblem(res, 404, 'not_found', 'No such operation.', cors);
      return;
    }
    if (response.type === 'error') {
      // A network error (fault injection "refuse streams"): drop the connection.
      res.destroy();
      return;
    }

    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name.toLowerCase() === 'content-length') return;
      headers[name] = value;
    });
    Object.assign(headers, cors);
    res.writeHead(response.status, headers);
    if (!response.body || method === 'HEAD') {
      res.end();
      return;
    }
    res.flushHeaders();
    req.socket.setNoDelay(true);
    const reader = response.body.getReader();
    const stop = () => void reader.cancel().catch(() => {});
    res.on('close', stop);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', () => resolve()));
      }
      res.end();
    } catch {
      res.destroy();
    } finally {
      res.off('close', stop);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${shownHost}:${address.port}`,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        api.streams.drop();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
