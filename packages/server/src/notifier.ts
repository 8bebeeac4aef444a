/**
 * Notifications: domains write rows to `notifications` in the same transaction as the change
 * (transactional outbox); `deliverPending` turns them into e-mails and hands them to a
 * `Notifier`. The development notifier writes each e-mail as an RFC 5322 `.eml` file (with the
 * iCalendar attachment where there is one) into an outbox folder, readable at `/dev/outbox`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Queryable } from './db.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  locale: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface Notifier {
  send(mail: Mail): Promise<void>;
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

const encodeHeader = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);
const base64Lines = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');

/** The e-mail as RFC 5322 text (multipart/mixed when it has attachments). */
export function formatMail(mail: Mail, from: string, date: Date, id: string): string {
  const head = [`From: ${from}`, `To: ${mail.to.replace(/[\r\n]/g, '')}`, `Subject: ${encodeHeader(mail.subject.replace(/[\r\n]/g, ' '))}`, `Date: ${date.toUTCString()}`, `Message-ID: <${id}>`, `Content-Language: ${mail.locale}`, 'MIME-Version: 1.0'];
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

/** Delivers up to `max` pending notifications (each process takes different rows); returns how many were sent. */
export async function deliverPending(db: Db, notifier: Notifier, render: Renderer, now: number, max = 50): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<PendingNotification>('SELECT id, kind, recipient, locale, data, created_at FROM notifications WHERE delivered_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED', [max]);
    let sent = 0;
    for (const n of rows.rows) {
      const mail = n.recipient ? await render(tx, n) : undefined;
      if (mail) {
        await notifier.send(mail);
        sent++;
      }
      await tx.query('UPDATE notifications SET delivered_at = $2 WHERE id = $1', [n.id, now]);
    }
    return sent;
  });
}

/** Decodes the text parts of an .eml written by `formatMail` (for the outbox page). */
export function readMail(raw: string): { headers: Record<string, string>; text: string; attachments: string[] } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const decodeWord = (s: string) => s.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'));
  if (headers.subject) headers.subject = decodeWord(headers.subject);
  const body = rest.join('\r\n\r\n');
  const attachments = [...body.matchAll(/filename="([^"]+)"/g)].map((m) => m[1]!);
  const firstPart = /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
  const text = Buffer.from((firstPart?.[1] ?? body).replace(/\r\n/g, ''), 'base64').toString('utf8');
  return { headers, text, attachments };
}
