/**
 * A small typed HTTP client over `fetch` for the staff operations (`staff.yaml`) and the four
 * citizen operations the simulator also needs (read a queue or office, take a walk-in ticket).
 * Types come from the generated contract types, so a change in the YAML breaks the build here.
 *
 * Paths are the documents' paths appended to `baseUrl`: `/api` + `/staff/v1/queues/{id}/call`
 * → `/api/staff/v1/queues/buergerbuero-mitte/call` (same origin, answered by the demo page's msw
 * worker), `http://127.0.0.1:8787` + the same → the reference server.
 */
import type { operations as citizenOperations, staffOperations } from '@civic-elements/contract';
import { uuid } from './random.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Citizen operations the simulator calls (a walk-in takes a ticket; status reads for pacing). */
type CitizenSubset = Pick<citizenOperations, 'getQueue' | 'getOffice' | 'takeQueueTicket' | 'takeOfficeTicket'>;
export type Operations = staffOperations & CitizenSubset;
export type OperationId = keyof Operations;

/**
 * Method and path of every operation the client can call: all 16 staff operations and the
 * citizen subset. `idempotent` marks operations that require an `Idempotency-Key`; `staff` those
 * that carry `X-Staff-Key`. A test compares this table with the operations the mock answers.
 */
export const ROUTES = {
  callNextTicket: { method: 'POST', path: '/staff/v1/queues/{locationId}/call', staff: true, idempotent: false },
  setTicketOutcome: { method: 'POST', path: '/staff/v1/tickets/{ticketId}/outcome', staff: true, idempotent: false },
  updateQueue: { method: 'PATCH', path: '/staff/v1/queues/{locationId}', staff: true, idempotent: false },
  setOfficeChair: { method: 'PUT', path: '/staff/v1/offices/{officeId}/chairs/{chairId}', staff: true, idempotent: false },
  callOfficeTicket: { method: 'POST', path: '/staff/v1/offices/{officeId}/call', staff: true, idempotent: false },
  updateCase: { method: 'POST', path: '/staff/v1/cases/{caseId}/updates', staff: true, idempotent: false },
  listConversations: { method: 'GET', path: '/staff/v1/chat/conversations', staff: true, idempotent: false },
  listConversationMessagesAsStaff: { method: 'GET', path: '/staff/v1/chat/conversations/{conversationId}/messages', staff: true, idempotent: false },
  replyInChat: { method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/messages', staff: true, idempotent: true },
  joinConversation: { method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/join', staff: true, idempotent: false },
  staffTyping: { method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/typing', staff: true, idempotent: false },
  endConversationAsStaff: { method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/end', staff: true, idempotent: false },
  updateChatDesk: { method: 'PATCH', path: '/staff/v1/chat/desk', staff: true, idempotent: false },
  blockSlots: { method: 'POST', path: '/staff/v1/blocks', staff: true, idempotent: true },
  releaseBlock: { method: 'DELETE', path: '/staff/v1/blocks/{blockId}', staff: true, idempotent: false },
  updateService: { method: 'PATCH', path: '/staff/v1/services/{serviceId}', staff: true, idempotent: false },
  getQueue: { method: 'GET', path: '/v1/queues/{locationId}', staff: false, idempotent: false },
  getOffice: { method: 'GET', path: '/v1/offices/{officeId}', staff: false, idempotent: false },
  takeQueueTicket: { method: 'POST', path: '/v1/queues/{locationId}/tickets', staff: false, idempotent: true },
  takeOfficeTicket: { method: 'POST', path: '/v1/offices/{officeId}/tickets', staff: false, idempotent: true },
} as const satisfies Record<OperationId, { method: Method; path: string; staff: boolean; idempotent: boolean }>;

type PathOf<O> = O extends { parameters: { path: infer P } } ? ([P] extends [never | undefined] ? never : P) : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? ([Exclude<Q, undefined>] extends [never] ? never : Exclude<Q, undefined>) : never;
type BodyOf<O> = O extends { requestBody?: infer R }
  ? [Exclude<R, undefined>] extends [never]
    ? never
    : Exclude<R, undefined> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : void;
/** The JSON of the operation's success response (`200` or `201`), `void` for `204`. */
export type ResultOf<K extends OperationId> = Operations[K] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : void
  : never;

/** What a call needs: path parameters, query, JSON body, each only where the operation has one. */
export type ArgsOf<K extends OperationId> = ([PathOf<Operations[K]>] extends [never] ? { path?: undefined } : { path: PathOf<Operations[K]> }) &
  ([QueryOf<Operations[K]>] extends [never] ? { query?: undefined } : { query?: QueryOf<Operations[K]> }) &
  ([BodyOf<Operations[K]>] extends [never] ? { body?: undefined } : { body: BodyOf<Operations[K]> });

/** A non-2xx answer (RFC 9457 problem) or a network failure (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly operation: OperationId,
    readonly status: number,
    /** The problem's `code` (`unauthorized`, `conversation_ended`, …), if the body had one. */
    readonly code: string | undefined,
    /** Seconds from `Retry-After` (429, 503). */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`${operation}: ${status === 0 ? 'network error' : `HTTP ${status}${code ? ` ${code}` : ''}`}`);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  /** Origin and prefix the documents' paths are appended to: `/api`, `http://127.0.0.1:8787`. */
  baseUrl: string;
  staffKey: string;
  fetch?: typeof fetch;
  /** Sent as `X-Civic-AGS` (multi-town back ends). */
  ags?: string;
}

export interface Client {
  call<K extends OperationId>(operation: K, args: ArgsOf<K>, signal?: AbortSignal): Promise<ResultOf<K>>;
}

/** The URL of an operation: `baseUrl` + the document path with encoded parameters and query. */
export function operationUrl(baseUrl: string, operation: OperationId, path?: Record<string, string>, query?: Record<string, string | number | undefined>): string {
  const route = ROUTES[operation];
  const filled = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined) throw new TypeError(`${operation}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.set(k, String(v));
  const qs = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${filled}${qs ? `?${qs}` : ''}`;
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const n = Number(header);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function createClient(options: ClientOptions): Client {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async call(operation, args, signal) {
      const route = ROUTES[operation];
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (route.staff) headers['X-Staff-Key'] = options.staffKey;
      if (route.idempotent) headers['Idempotency-Key'] = uuid();
      if (options.ags) headers['X-Civic-AGS'] = options.ags;
      const init: RequestInit = { method: route.method, headers, cache: 'no-store', ...(signal && { signal }) };
      if (args.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(args.body);
      }
      const url = operationUrl(options.baseUrl, operation, args.path as Record<string, string> | undefined, args.query as Record<string, string | number | undefined> | undefined);
      let res: Response;
      try {
        res = await doFetch(url, init);
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ApiError(operation, 0, undefined, undefined);
      }
      if (!res.ok) {
        let code: string | undefined;
        try {
          const body = (await res.json()) as { code?: unknown };
          if (typeof body.code === 'string') code = body.code;
        } catch {
          // Not a problem document: the status alone tells what happened.
        }
        throw new ApiError(operation, res.status, code, retryAfter(res.headers.get('Retry-After')));
      }
      if (res.status === 204) return undefined as ResultOf<typeof operation>;
      try {
        return (await res.json()) as ResultOf<typeof operation>;
      } catch (error) {
        if (signal?.aborted) throw error;
        // A 2xx whose body is not JSON: reported like a failure, with a local code.
        throw new ApiError(operation, res.status, 'invalid_response', undefined);
      }
    },
  };
}
