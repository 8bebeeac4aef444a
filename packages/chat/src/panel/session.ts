import { CivicApiError, isAbortError, newIdempotencyKey, type ApiClient, type RealtimeClock } from '@civic-elements/core';
import type { Attachment, Author, Message } from '@civic-elements/contract';
import { attachmentsCheck, conversationCheck, messageCheck, pageCheck } from './checks.js';

/** A message waiting in the outbox (kept in sessionStorage after consent, across reloads). */
export interface OutboxItem {
  clientId: string;
  text: string;
  /** Files uploaded before sending (their ids go with the message). */
  attachments?: Attachment[];
  /** Failed attempts so far (drives the backoff; the citizen sees "failed" from the first one). */
  attempts: number;
  /** A refusal retrying cannot fix (e.g. 409 conversation_ended): only the citizen's "retry" resends. */
  stopped?: boolean;
}

/** One line of the conversation as displayed: a server message, a notice, or an unsent message. */
export type ChatItem =
  | { type: 'message'; seq: number; message: Message }
  | { type: 'joined'; seq: number; agent: string | undefined }
  | { type: 'ended'; seq: number; endedBy: string }
  | { type: 'pending'; item: OutboxItem };

/**
 * What this tab keeps of a conversation (sessionStorage, written only after consent): the
 * conversation and its token, the unsent messages, the text in the message box, the files
 * uploaded for the next message (their server metadata, never the bytes) and the names of chosen
 * files whose upload had not finished (a reload tells the citizen to choose them again).
 */
export interface StoredConversation {
  id: string;
  token: string;
  outbox: OutboxItem[];
  /** The message being written (not sent yet). */
  draft?: string;
  /** Files the server has, chosen for the next message. */
  attachments?: Attachment[];
  /** Names of chosen files still uploading (or failed, retryable): the name only, never the bytes. */
  unfinished?: string[];
}

export interface SessionOptions {
  client: () => ApiClient;
  clock: RealtimeClock;
  /** Where the conversation and outbox live once the citizen consented (sessionStorage). */
  storageKey: string;
  /** Something displayed changed. */
  changed(): void;
  /** A message that was not known before arrived (live or by catch-up), not the initial history. */
  arrived(message: Message): void;
}

/** Statuses that retrying cannot change; everything else (network, timeouts, 429, 5xx, a
 * malformed answer after the server stored the message) is retried with backoff. */
const FINAL = new Set([400, 401, 403, 404, 409, 413, 415, 422]);

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readStored(key: string): StoredConversation | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const data = JSON.parse(raw) as StoredConversation;
    if (typeof data?.id !== 'string' || typeof data.token !== 'string' || !Array.isArray(data.outbox)) return undefined;
    // A malformed draft or file list is left out; the conversation still resumes.
    if (typeof data.draft !== 'string') data.draft = '';
    try {
      attachmentsCheck(data.attachments);
    } catch {
      data.attachments = [];
    }
    if (!Array.isArray(data.unfinished) || !data.unfinished.every((n) => typeof n === 'string')) data.unfinished = [];
    return data;
  } catch {
    return undefined;
  }
}

/**
 * One conversation's data: server messages by `seq` (so order is the server's and nothing shows
 * twice), the outbox of unsent messages (retried with backoff until the server has them, deduped
 * by `clientId`), and catch-up with `?after=` the last seen `seq`.
 */
export class ChatSession {
  readonly id: string;
  readonly token: string;
  outbox: OutboxItem[];
  /** The text in the message box, kept (with `attachments`) on every change so a reload restores it. */
  draft: string;
  /** The uploaded files waiting for the next message. */
  attachments: Attachment[];
  /** Names of chosen files whose upload has not finished, or had not at a reload (stored). */
  unfinished: string[];
  /**
   * Names of files a reload cut off (the browser no longer has them): the panel asks the citizen
   * to choose them again, until the notice is dismissed or a file is chosen.
   */
  lost: string[];
  /** Highest `seq` seen anywhere (messages, notices, answers to our own sends). */
  lastSeq = 0;
  /**
   * The resume point: the highest `seq` up to which nothing can be missing — from the history
   * load and the event stream (which delivers every durable event in order), never from the answer
   * to a send (an agent's message with a lower `seq` may still be on its way). The stream resumes
   * with it as `Last-Event-ID`; catch-up asks `?after=` it.
   */
  resumeSeq = 0;
  /** Lowest message `seq` loaded, and whether the server has earlier ones ("show earlier"). */
  firstSeq = Number.POSITIVE_INFINITY;
  hasEarlier = false;
  ended = false;
  agent: string | undefined;
  /** An agent took over (also one without a name). */
  joined = false;

  private readonly items = new Map<number, ChatItem>();
  /** The server items in `seq` order (the same objects as `items`). */
  private readonly sorted: ChatItem[] = [];
  /** Bumped on every change of `sorted`; with the outbox's identity it keys the cached `list`. */
  private version = 0;
  private listCache?: { version: number; outbox: OutboxItem[]; list: readonly ChatItem[] };
  private readonly sentClientIds = new Set<string>();
  private flushing = false;
  private retryTimer: unknown;
  private disposed = false;
  private forgotten = false;

  constructor(
    stored: StoredConversation,
    private readonly options: SessionOptions,
  ) {
    this.id = stored.id;
    this.token = stored.token;
    this.outbox = stored.outbox.map((o) => ({ ...o }));
    this.draft = stored.draft ?? '';
    this.attachments = stored.attachments ?? [];
    this.unfinished = this.lost = stored.unfinished ?? [];
  }

  /**
   * Server items by `seq`, then unsent messages in the order they were written. Kept sorted as items
   * arrive (a binary search finds the place; an append is O(1)) and the list is built again only
   * when the items or the outbox changed, so a render with 1,000 messages does not sort or copy them.
   */
  get list(): readonly ChatItem[] {
    const cache = this.listCache;
    if (cache && cache.version === this.version && cache.outbox === this.outbox) return cache.list;
    const pending = this.outbox.filter((o) => !this.sentClientIds.has(o.clientId)).map((item) => ({ type: 'pending', item }) as const);
    const list = pending.length ? [...this.sorted, ...pending] : this.sorted.slice();
    this.listCache = { version: this.version, outbox: this.outbox, list };
    return list;
  }

  /** The suggestions of the latest message, when it is a bot's and no later message exists. */
  get suggestions(): { text: string }[] {
    let last: ChatItem | undefined;
    for (let i = this.sorted.length - 1; i >= 0 && !last; i--) if (this.sorted[i]!.type === 'message') last = this.sorted[i];
    return last?.type === 'message' && last.message.author.kind === 'bot' && !this.ended ? last.message.suggestions : [];
  }

  /** Adds a server item at its place by `seq` (the caller checked that the `seq` is new). */
  private insert(item: Exclude<ChatItem, { type: 'pending' }>): void {
    this.items.set(item.seq, item);
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    if (hi === 0 || (sorted[hi - 1] as { seq: number }).seq < item.seq) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as { seq: number }).seq < item.seq) lo = mid + 1;
      else hi = mid;
    }
    sorted.splice(lo, 0, item);
    this.version++;
  }

  save(): void {
    // A forgotten conversation stays gone, also when an answer to a request on its way arrives.
    if (this.forgotten) return;
    try {
      const data: StoredConversation = {
        id: this.id,
        token: this.token,
        outbox: this.outbox,
        draft: this.draft,
        attachments: this.attachments,
        unfinished: this.unfinished,
      };
      storage()?.setItem(this.options.storageKey, JSON.stringify(data));
    } catch {
      // Storage full or refused: the outbox still works for this page's lifetime.
    }
  }

  forget(): void {
    this.forgotten = true;
    this.dispose();
    try {
      storage()?.removeItem(this.options.storageKey);
    } catch {
      // Nothing stored.
    }
  }

  dispose(): void {
    this.disposed = true;
    this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** The element is in the page again (moved): sending goes on, unless the conversation was forgotten. */
  resume(): void {
    this.disposed = this.forgotten;
  }

  private path(suffix = ''): string {
    return `/v1/chat/conversations/{id}${suffix}`;
  }

  /** The conversation's state on the server: who answers (after a reload too) and whether it ended. */
  async loadState(): Promise<void> {
    const state = await this.options.client().request('GET', this.path(), { params: { id: this.id }, token: this.token, check: conversationCheck });
    if (state.agent) {
      this.joined = true;
      this.agent = state.agent.name ?? this.agent;
    }
    if (state.status === 'ended') this.markEnded();
    this.options.changed();
  }

  /** The latest page of history (50 messages). */
  async loadLatest(signal?: AbortSignal): Promise<void> {
    const page = await this.options.client().request('GET', this.path('/messages'), {
      params: { id: this.id },
      token: this.token,
      query: { limit: 50 },
      check: pageCheck,
      signal,
    });
    for (const m of page.items) this.addMessage(m, false);
    this.hasEarlier = page.hasMore;
    this.resumeSeq = Math.max(this.resumeSeq, ...page.items.map((m) => m.seq));
    this.options.changed();
  }

  /** The 50 messages before the earliest one loaded. */
  async loadEarlier(): Promise<void> {
    if (!Number.isFinite(this.firstSeq)) return;
    const page = await this.options.client().request('GET', this.path('/messages'), {
      params: { id: this.id },
      token: this.token,
      query: { before: this.firstSeq, limit: 50 },
      check: pageCheck,
    });
    for (const m of page.items) this.addMessage(m, false);
    this.hasEarlier = page.hasMore;
    this.options.changed();
  }

  /** Fetches everything after the last seen `seq` (after a reconnect, on `online`, on a visible page). */
  async catchUp(): Promise<void> {
    let after = this.resumeSeq;
    for (;;) {
      const page = await this.options.client().request('GET', this.path('/messages'), {
        params: { id: this.id },
        token: this.token,
        query: { after, limit: 100 },
        check: pageCheck,
      });
      for (const m of page.items) this.addMessage(m, true);
      after = Math.max(after, ...page.items.map((m) => m.seq));
      if (!page.hasMore || page.items.length === 0) break;
    }
    this.options.changed();
    void this.flush(true);
  }

  /** Adds a server message; true when it was new. */
  addMessage(message: Message, live: boolean): boolean {
    this.lastSeq = Math.max(this.lastSeq, message.seq);
    this.firstSeq = Math.min(this.firstSeq, message.seq);
    if (message.clientId) this.settle(message.clientId);
    if (this.items.has(message.seq)) return false;
    this.insert({ type: 'message', seq: message.seq, message });
    if (message.author.kind === 'agent' && message.author.name) this.agent = message.author.name;
    if (live) this.options.arrived(message);
    this.options.changed();
    return true;
  }

  /** A durable event from the stream: it moves the resume point. */
  streamed(seq: number): void {
    this.resumeSeq = Math.max(this.resumeSeq, seq);
  }

  addJoined(seq: number, agent: string | undefined): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.agent = agent ?? this.agent;
    this.joined = true;
    if (!this.items.has(seq)) this.insert({ type: 'joined', seq, agent });
    this.options.changed();
  }

  addEnded(seq: number, endedBy: string): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.markEnded();
    if (!this.items.has(seq)) this.insert({ type: 'ended', seq, endedBy });
    this.options.changed();
  }

  /**
   * The conversation ended, on either side (the citizen's "end", the desk's `conversation_ended`,
   * a reload that finds it ended, a send refused as ended): nothing can be sent any more, so the
   * draft and the chosen files leave storage.
   */
  markEnded(): void {
    this.ended = true;
    this.draft = '';
    this.attachments = [];
    this.unfinished = this.lost = [];
    this.save();
  }

  /** The server has this client id: it leaves the outbox. */
  private settle(clientId: string): void {
    this.sentClientIds.add(clientId);
    if (!this.outbox.some((o) => o.clientId === clientId)) return;
    this.outbox = this.outbox.filter((o) => o.clientId !== clientId);
    this.save();
  }

  /** Queues a message (saved before the first attempt) and sends the outbox. */
  send(text: string, attachments?: Attachment[]): void {
    const item: OutboxItem = { clientId: newIdempotencyKey(), text, attempts: 0, ...(attachments?.length && { attachments }) };
    this.outbox = [...this.outbox, item];
    this.save();
    this.options.changed();
    void this.flush();
  }

  /** The citizen's "retry" on a failed message: sends it (and everything queued) now. */
  retry(clientId: string): void {
    for (const o of this.outbox) if (o.clientId === clientId) o.stopped = false;
    this.save();
    this.options.changed();
    void this.flush(true);
  }

  /** Sends queued messages in order, one at a time; a failure schedules a retry with backoff. */
  async flush(now = false): Promise<void> {
    if (now) {
      this.options.clock.clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    if (this.flushing || this.disposed || this.retryTimer !== undefined) return;
    this.flushing = true;
    try {
      for (;;) {
        const item = this.outbox.find((o) => !o.stopped);
        if (!item || this.disposed) break;
        try {
          const message = await this.options.client().request('POST', this.path('/messages'), {
            params: { id: this.id },
            token: this.token,
            body: { clientId: item.clientId, text: item.text, ...(item.attachments && { attachmentIds: item.attachments.map((a) => a.id) }) },
            check: messageCheck,
            idempotent: true,
          });
          this.addMessage(message, true);
        } catch (error) {
          if (isAbortError(error)) break;
          item.attempts++;
          const status = error instanceof CivicApiError ? error.status : undefined;
          if (status !== undefined && FINAL.has(status)) {
            item.stopped = true;
            if (error instanceof CivicApiError && error.code === 'conversation_ended') this.markEnded();
          } else {
            const wait = error instanceof CivicApiError ? error.retryAfterSeconds : undefined;
            this.retryTimer = this.options.clock.setTimeout(
              () => {
                this.retryTimer = undefined;
                void this.flush();
              },
              wait !== undefined ? wait * 1000 : backoff(item.attempts, this.options.clock.random()),
            );
          }
          this.save();
          this.options.changed();
          if (!item.stopped) break;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Whether a message in the outbox has failed at least once (shown as "failed" with retry). */
  static failed(item: OutboxItem): boolean {
    return item.attempts > 0;
  }
}

/** 1 s, 2 s, 4 s … at most 30 s, half of it random ("equal jitter"). */
export function backoff(attempts: number, random: number): number {
  const exp = Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (random * exp) / 2);
}

export type { Author };
