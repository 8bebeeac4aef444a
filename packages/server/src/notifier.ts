/**
 * Notifications: domains write rows to `notifications` in the same transaction as the change
 * (transactional outbox); `deliverPending` turns them into e-mails and hands them to a
 * `Notifier`. The development notifier writes each e-mail as an RFC 5322 `.eml` file (with the
 * iCalendar attachment where there is one) into an outbox folder, readable at `/dev/outbox`;
 * with `CIVIC_SMTP_URL` the SMTP notifier (smtp.ts) sends them instead.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import type { Db, Queryable } from './db.js';
import { silentLogger, type Logger } from './log.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  locale: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface Notifier {
  /** Sends one e-mail; throws a `DeliveryError` (or any error: the transport failed) when it could not. */
  send(mail: Mail): Promise<void>;
}

/**
 * Why a notifier could not send: `scope` 'message' concerns only this e-mail (e.g. the recipient
 * was refused; the others can still go), 'transport' every e-mail (server down, login refused).
 * `permanent`: trying again cannot help (SMTP 5xx).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly scope: 'message' | 'transport',
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface PendingNotification {
  id: number;
  kind: string;
  recipient: string | null;
  locale: string;
  data: Record<string, unknown>;
  created_at: number;
}

/** Renders a notification as an e-mail (undefined: nothing to send, e.g. the data was purged). */
export type Renderer = (q: Queryable, n: PendingNotification) => Promise<Mail | undefined>;

const NON_ASCII = /[^\x00-\x7f]/;
/** Whether an address's local part (before the last `@`) has non-ASCII characters: it then needs SMTPUTF8 (RFC 6531). */
export const needsSmtpUtf8 = (address: string): boolean => NON_ASCII.test(address.slice(0, Math.max(0, address.lastIndexOf('@'))));
/**
 * The address with an internationalised domain in its A-label form (IDNA, `anna@xn--mller-bckerei-hfb76a.de`);
 * an ASCII domain stays as it is. Undefined: the domain is not a valid IDN.
 */
export function asciiDomainAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at < 0 || !NON_ASCII.test(domain)) return address;
  const ascii = domainToASCII(domain);
  return ascii ? `${address.slice(0, at)}@${ascii}` : undefined;
}

/** RFC 2047 B-encoded words of at most 64 characters, cut between characters (each word decodes on its own). */
function encodedWords(s: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`);
}
/** `Name: token token …`, folded (CRLF + space) so that lines with encoded words stay within 76 characters. */
function header(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length > name.length + 1 && line.length + 1 + token.length > 76) {
      lines.push(line);
      line = '';
    }
    line += ` ${token}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}
const encodeText = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? [s] : encodedWords(s));
/** A display name: as it is when it is only atoms, a quoted string when it is other ASCII (a comma, a quote), else RFC 2047 words. */
const encodeName = (name: string) => {
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name)) return [name];
  if (/^[\x20-\x7e]+$/.test(name)) return [`"${name.replace(/[\\"]/g, '\\$&')}"`];
  return encodedWords(name);
};
/**
 * `Name <address>` (or a bare address) for a From/To header. The name is encoded (`encodeName`);
 * the address keeps its UTF-8 form only with `utf8` (RFC 6532, the message goes with SMTPUTF8),
 * otherwise an internationalised domain becomes its A-label form.
 */
const encodeAddress = (s: string, utf8: boolean): string[] => {
  const clean = s.replace(/[\r\n]/g, '').trim();
  const m = /^(.*?)\s*<([^<>]+)>$/.exec(clean);
  const address = (m ? m[2]! : clean).trim();
  const shown = utf8 ? address : (asciiDomainAddress(address) ?? address);
  const quoted = m?.[1] && /^"((?:[^"\\]|\\.)*)"$/.exec(m[1]);
  const name = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : m?.[1];
  return name ? [...encodeName(name), `<${shown}>`] : [shown];
};
const base64Lines = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');

export interface FormatOptions {
  /**
   * The message goes with SMTPUTF8 (RFC 6531/6532): addresses in From/To keep their UTF-8 form.
   * Without it (the default) an internationalised domain is written in its A-label form, so the
   * header is ASCII (a non-ASCII local part, which only SMTPUTF8 can carry, stays as it is).
   * Display names and the subject are RFC 2047-encoded either way; the body is base64.
   */
  utf8?: boolean;
}

/** The e-mail as RFC 5322 text (multipart/mixed when it has attachments). */
export function formatMail(mail: Mail, from: string, date: Date, id: string, o: FormatOptions = {}): string {
  const utf8 = o.utf8 ?? false;
  const head = [header('From', encodeAddress(from, utf8)), header('To', encodeAddress(mail.to, utf8)), header('Subject', encodeText(mail.subject.replace(/[\r\n]/g, ' '))), `Date: ${date.toUTCString()}`, `Message-ID: <${id}>`, `Content-Language: ${mail.locale}`, 'MIME-Version: 1.0'];
  if (!mail.attachments?.length) {
    return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64Lines(mail.text), ''].join('\r\n');
  }
  const boundary = `civic-${id.replace(/[^A-Za-z0-9]/g, '')}`;
  const parts = [`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64Lines(mail.text)];
  for (const a of mail.attachments) {
    parts.push(`--${boundary}`, `Content-Type: ${a.contentType}`, `Content-Disposition: attachment; filename="${a.filename.replace(/["\r\n]/g, '')}"`, 'Content-Transfer-Encoding: base64', '', base64Lines(a.content));
  }
  parts.push(`--${boundary}--`, '');
  return [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts].join('\r\n');
}

/** Writes each e-mail to `dir` as `<time>-<n>.eml`. */
export class OutboxNotifier implements Notifier {
  private n = 0;
  constructor(
    readonly dir: string,
    private readonly from = 'Stadt Musterstadt <no-reply@musterstadt.example>',
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  async send(mail: Mail): Promise<void> {
    const at = this.now();
    const name = `${new Date(at).toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++this.n}`;
    writeFileSync(join(this.dir, `${name}.eml`), formatMail(mail, this.from, new Date(at), `${name}@civic.invalid`));
    await Promise.resolve();
  }

  /** The newest e-mails first (file name, raw text). */
  list(max = 100): { name: string; text: string }[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .reverse()
      .slice(0, max)
      .map((name) => ({ name, text: readFileSync(join(this.dir, name), 'utf8') }));
  }
}

/** When a notifier may try again: per notification (after a transient refusal) and for the whole transport. */
interface RetryState {
  messages: Map<number, { attempts: number; at: number }>;
  transport: { attempts: number; at: number };
}

/** A transient refusal of one e-mail is retried after 1 min, 2, 4 … at most every hour. */
export const messageRetryMs = (attempts: number): number => Math.min(3_600_000, 60_000 * 2 ** (attempts - 1));
/** A failed transport is tried again after 5 s, 10, 20 … at most every 5 min. */
export const transportRetryMs = (attempts: number): number => Math.min(300_000, 5_000 * 2 ** (attempts - 1));

/** The retry schedule lives with the notifier (one per process). */
const retryStates = new WeakMap<Notifier, RetryState>();
/** PGlite serves one process: notifications being sent outside a transaction are claimed here. */
const claims = new WeakMap<Db, Set<number>>();

interface Outcome {
  /** Ids to mark delivered (sent, or permanently refused). */
  done: number[];
  sent: number;
  /** The transport failed: the rest stays pending. */
  error?: unknown;
}

async function sendAll(batch: { n: PendingNotification; mail: Mail | undefined }[], notifier: Notifier, retry: RetryState, now: number, log: Logger): Promise<Outcome> {
  const out: Outcome = { done: [], sent: 0 };
  for (const { n, mail } of batch) {
    if (!mail) {
      out.done.push(n.id);
      continue;
    }
    try {
      await notifier.send(mail);
      out.done.push(n.id);
      out.sent++;
      retry.messages.delete(n.id);
      retry.transport.attempts = 0;
    } catch (error) {
      if (error instanceof DeliveryError && error.scope === 'message') {
        const code = (error as { code?: number }).code ?? 0;
        if (error.permanent) {
          // Never deliverable (the recipient or message was refused for good): logged, not retried.
          out.done.push(n.id);
          retry.messages.delete(n.id);
          log.error('mail_refused', { kind: n.kind, code });
        } else {
          const attempts = (retry.messages.get(n.id)?.attempts ?? 0) + 1;
          retry.messages.set(n.id, { attempts, at: now + messageRetryMs(attempts) });
          log.info('mail_deferred', { kind: n.kind, code, attempts });
        }
        continue;
      }
      const attempts = retry.transport.attempts + 1;
      retry.transport = { attempts, at: now + transportRetryMs(attempts) };
      out.error = error;
      return out;
    }
  }
  return out;
}

/**
 * Delivers up to `max` pending notifications; returns how many e-mails were sent. Each is marked
 * delivered once sent (or refused for good); a transient refusal of one e-mail is retried later
 * with growing pauses; a transport failure leaves the rest pending, pauses delivery and throws
 * (the loop logs it). Several processes on one PostgreSQL each take different rows (row locks
 * held while sending). On PGlite — one query at a time for the whole process — the e-mails are
 * sent outside the transaction, so a slow mail server never stalls requests.
 */
export async function deliverPending(db: Db, notifier: Notifier, render: Renderer, now: number, max = 50, log: Logger = silentLogger): Promise<number> {
  let retry = retryStates.get(notifier);
  if (!retry) retryStates.set(notifier, (retry = { messages: new Map(), transport: { attempts: 0, at: 0 } }));
  if (retry.transport.at > now) return 0;
  const claimed = claims.get(db) ?? new Set<number>();
  claims.set(db, claimed);
  const skip = [...claimed, ...[...retry.messages].filter(([, w]) => w.at > now).map(([id]) => id)];
  const pick = async (tx: Queryable) => {
    const rows = await tx.query<PendingNotification>(
      'SELECT id, kind, recipient, locale, data, created_at FROM notifications WHERE delivered_at IS NULL AND NOT (id = ANY($2::bigint[])) ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
      [max, skip],
    );
    const batch: { n: PendingNotification; mail: Mail | undefined }[] = [];
    // Everything is rendered before anything is sent: a rendering error sends nothing.
    for (const n of rows.rows) batch.push({ n: { ...n, id: Number(n.id) }, mail: n.recipient ? await render(tx, n) : undefined });
    return batch;
  };
  // A delivered e-mail's secrets (a booking's manage token) leave the table with it.
  const mark = (q: Queryable, ids: number[]) =>
    ids.length ? q.query("UPDATE notifications SET delivered_at = $2, data = data - 'manageToken' WHERE id = ANY($1::bigint[])", [ids, now]) : undefined;
  let outcome: Outcome;
  if (db.kind === 'pglite') {
    const batch = await db.transaction(pick);
    for (const { n } of batch) claimed.add(n.id);
    try {
      outcome = await sendAll(batch, notifier, retry, now, log);
      await mark(db, outcome.done);
    } finally {
      for (const { n } of batch) claimed.delete(n.id);
    }
  } else {
    outcome = await db.transaction(async (tx) => {
      const o = await sendAll(await pick(tx), notifier, retry, now, log);
      await mark(tx, o.done);
      return o;
    });
  }
  if (outcome.error !== undefined) throw outcome.error;
  return outcome.sent;
}

/** Decodes the text parts of an .eml written by `formatMail` (for the outbox page). */
export function readMail(raw: string): { headers: Record<string, string>; text: string; attachments: string[] } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  // Space between two encoded words is not part of the text (RFC 2047 §6.2).
  const decodeWord = (s: string) => s.replace(/(\?=)\s+(?==\?UTF-8\?B\?)/g, '$1').replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'));
  for (const name of ['subject', 'from', 'to']) if (headers[name]) headers[name] = decodeWord(headers[name]);
  const body = rest.join('\r\n\r\n');
  const attachments = [...body.matchAll(/filename="([^"]+)"/g)].map((m) => m[1]!);
  const firstPart = /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
  const text = Buffer.from((firstPart?.[1] ?? body).replace(/\r\n/g, ''), 'base64').toString('utf8');
  return { headers, text, attachments };
}
