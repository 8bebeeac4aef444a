/**
 * A small SMTP client (RFC 5321) on node:net / node:tls, and the notifier that sends e-mails with
 * it when `CIVIC_SMTP_URL` is set. One connection per e-mail: greeting → EHLO (HELO when EHLO is
 * refused) → STARTTLS when offered and not already on TLS (`smtps://`), then EHLO again → AUTH
 * PLAIN or LOGIN when the URL has credentials (never in clear text except to a loopback
 * host) → MAIL FROM → RCPT TO → DATA with dot-stuffing → QUIT. Every step has an inactivity
 * timeout. Failures are `SmtpError`s that say what can be retried: a refused recipient or message
 * concerns only that e-mail (`scope: 'message'`), anything else the whole transport; 5xx is
 * permanent, the rest transient. The delivery loop (notifier.ts) retries, nothing is lost.
 * International addresses: an IDN domain goes as its A-label; a non-ASCII local part only with
 * SMTPUTF8 (RFC 6531), else that e-mail is refused for good (see `sendSmtp`).
 */
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { hostname } from 'node:os';
import { domainToASCII } from 'node:url';
import { asciiDomainAddress, DeliveryError, formatMail, needsSmtpUtf8, type Mail, type Notifier } from './notifier.js';

export interface SmtpServer {
  /** `smtps://`: TLS from the first byte (implicit TLS). `smtp://`: STARTTLS when the server offers it. */
  secure: boolean;
  host: string;
  port: number;
  user?: string;
  pass?: string;
}

/** `smtp://[user:pass@]host[:port]` (default port 587) or `smtps://…` (465); user and password URL-encoded. */
export function parseSmtpUrl(raw: string): SmtpServer {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('CIVIC_SMTP_URL is not a URL (smtp://user:pass@host:port or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('CIVIC_SMTP_URL must start with smtp:// or smtps://');
  if (!url.hostname) throw new Error('CIVIC_SMTP_URL needs a host');
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw new Error('CIVIC_SMTP_URL takes no path or query');
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    secure,
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    ...(url.username && { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }),
  };
}

export interface SmtpOptions extends SmtpServer {
  /** Inactivity limit of every step (connect, each reply, TLS handshake) in ms (default 30 s). */
  timeoutMs?: number;
  /** Name sent with EHLO (default: this machine's host name). */
  clientName?: string;
  /** Extra TLS options (e.g. `ca` of a private certificate authority). */
  tls?: ConnectionOptions;
  /** Whether credentials may go over an unencrypted connection (default: only to a loopback host). */
  plainAuth?: boolean;
}

export class SmtpError extends DeliveryError {
  constructor(
    message: string,
    scope: 'message' | 'transport',
    /** The server's reply code, when the server answered. */
    readonly code?: number,
  ) {
    super(message, scope, code !== undefined && code >= 500 && code < 600);
    this.name = 'SmtpError';
  }
}

interface Reply {
  code: number;
  lines: string[];
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1)$/i;
/** Credentials go only over TLS, or to a relay on this machine. */
export const plainAuthAllowed = (host: string): boolean => LOOPBACK.test(host);

/** The envelope address inside `Name <addr>` (or the whole string). */
export function envelopeAddress(from: string): string {
  const m = /<([^<>]*)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}

/** The message as DATA sends it: CRLF line ends, a leading dot doubled, ended by `.` alone. */
export function dotStuff(message: string): string {
  const crlf = message.replace(/\r?\n/g, '\r\n').replace(/\r(?!\n)/g, '\r\n');
  const body = crlf.replace(/^\./gm, '..');
  return `${body}${body.endsWith('\r\n') ? '' : '\r\n'}.\r\n`;
}

/** One SMTP conversation: reads replies line by line, writes commands, upgrades to TLS. */
class Conversation {
  private buffer = '';
  private replyLines: string[] = [];
  private replies: Reply[] = [];
  private waiting?: { resolve: (r: Reply) => void; reject: (e: Error) => void };
  private failure?: Error;
  private socket!: Socket | TLSSocket;
  private readonly onData = (chunk: Buffer) => this.receive(chunk.toString('latin1'));
  private readonly onError = (error: Error) => this.fail(new SmtpError(`connection failed (${(error as { code?: string }).code ?? error.name})`, 'transport'));
  private readonly onClose = () => this.fail(new SmtpError('connection closed by the server', 'transport'));
  private readonly onTimeout = () => {
    this.fail(new SmtpError('timed out', 'transport'));
    this.socket.destroy();
  };

  constructor(private readonly o: SmtpOptions) {}

  get encrypted(): boolean {
    return 'encrypted' in this.socket && this.socket.encrypted === true;
  }

  async open(): Promise<void> {
    const timeout = this.o.timeoutMs ?? 30_000;
    const socket = this.o.secure ? tlsConnect({ ...this.tlsOptions(), port: this.o.port, timeout }) : netConnect({ host: this.o.host, port: this.o.port, timeout });
    this.attach(socket);
    await new Promise<void>((done, failed) => {
      const fail = () => failed(this.failure);
      socket.once(this.o.secure ? 'secureConnect' : 'connect', () => {
        socket.off('close', fail);
        done();
      });
      socket.once('close', fail);
    });
  }

  private tlsOptions(): ConnectionOptions {
    return { host: this.o.host, ...(isIP(this.o.host) === 0 && { servername: this.o.host }), ...this.o.tls };
  }

  private attach(socket: Socket | TLSSocket) {
    this.socket = socket;
    socket.setTimeout(this.o.timeoutMs ?? 30_000);
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    socket.on('timeout', this.onTimeout);
  }

  private detach() {
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onError);
    this.socket.off('close', this.onClose);
    this.socket.off('timeout', this.onTimeout);
    this.socket.setTimeout(0);
  }

  /** Switches the connection to TLS after the server's 220 to STARTTLS. */
  async startTls(): Promise<void> {
    // Anything the server sent after its 220 would be read as if it came over TLS (RFC 3207 §6).
    if (this.buffer || this.replies.length || this.replyLines.length) throw new SmtpError('data after the STARTTLS reply', 'transport');
    const plain = this.socket;
    this.detach();
    const secure = tlsConnect({ ...this.tlsOptions(), socket: plain });
    this.attach(secure);
    await new Promise<void>((done, failed) => {
      const fail = () => failed(this.failure);
      secure.once('secureConnect', () => {
        secure.off('close', fail);
        done();
      });
      secure.once('close', fail);
    });
  }

  private receive(text: string) {
    this.buffer += text;
    let i: number;
    while ((i = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, i).replace(/\r$/, '');
      this.buffer = this.buffer.slice(i + 1);
      const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
      if (!m) {
        this.fail(new SmtpError('malformed reply', 'transport'));
        this.socket.destroy();
        return;
      }
      this.replyLines.push(m[3]!);
      if (m[2] !== '-') {
        this.replies.push({ code: Number(m[1]), lines: this.replyLines });
        this.replyLines = [];
      }
    }
    if (this.buffer.length > 64 * 1024) {
      this.fail(new SmtpError('reply line too long', 'transport'));
      this.socket.destroy();
    }
    this.flush();
  }

  private flush() {
    if (!this.waiting) return;
    const reply = this.replies.shift();
    if (reply) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve(reply);
    } else if (this.failure) {
      const w = this.waiting;
      this.waiting = undefined;
      w.reject(this.failure);
    }
  }

  private fail(error: SmtpError) {
    this.failure ??= error;
    this.flush();
  }

  read(): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.flush();
    });
  }

  write(text: string): void {
    if (!this.failure) this.socket.write(text, 'utf8');
  }

  /** Sends one command line and reads its reply. */
  command(line: string): Promise<Reply> {
    this.write(`${line}\r\n`);
    return this.read();
  }

  close(): void {
    this.detach();
    this.socket.on('error', () => undefined);
    this.socket.destroy();
  }
}

function expect(reply: Reply, ok: number[], step: string, scope: 'message' | 'transport'): Reply {
  if (!ok.includes(reply.code)) throw new SmtpError(`${step} refused (${reply.code})`, scope, reply.code);
  return reply;
}

/** The EHLO keywords (upper case) with their parameters. */
function extensions(reply: Reply): Map<string, string[]> {
  const ext = new Map<string, string[]>();
  for (const line of reply.lines.slice(1)) {
    const [word, ...params] = line.trim().split(/\s+/);
    if (word) ext.set(word.toUpperCase(), params.map((p) => p.toUpperCase()));
  }
  return ext;
}

/**
 * Sends one message (`message`: RFC 5322 text) to `to` from the envelope sender `from`. Throws `SmtpError`.
 * Internationalised addresses (RFC 6531, IDNA): a domain with non-ASCII characters goes in its
 * A-label form (`xn--…`), which every server takes. A non-ASCII local part needs SMTPUTF8: when the
 * server offers it, `MAIL FROM:<…> SMTPUTF8` and both addresses as they are (UTF-8); when it does
 * not, the e-mail cannot be delivered: a permanent 553 for that message (for the sender's address:
 * the transport). `message` as a function gets whether SMTPUTF8 is used (UTF-8 headers, RFC 6532).
 * Error messages never carry an address.
 */
export async function sendSmtp(o: SmtpOptions, envelope: { from: string; to: string }, message: string | ((smtputf8: boolean) => string)): Promise<void> {
  for (const address of [envelope.from, envelope.to]) {
    const scope = address === envelope.to ? 'message' : 'transport';
    if (/[\r\n<>]/.test(address)) throw new SmtpError('address with line breaks or angle brackets', scope, 553);
    if (asciiDomainAddress(address) === undefined) throw new SmtpError('address with an invalid internationalised domain', scope, 553);
  }
  const utf8 = needsSmtpUtf8(envelope.from) || needsSmtpUtf8(envelope.to);
  const c = new Conversation(o);
  try {
    await c.open();
    expect(await c.read(), [220], 'greeting', 'transport');
    const name = o.clientName ?? (hostname() || 'localhost');
    const hello = async () => {
      const r = await c.command(`EHLO ${name}`);
      if (r.code === 250) return extensions(r);
      expect(await c.command(`HELO ${name}`), [250], 'HELO', 'transport');
      return new Map<string, string[]>();
    };
    let ext = await hello();
    if (!o.secure && ext.has('STARTTLS')) {
      expect(await c.command('STARTTLS'), [220], 'STARTTLS', 'transport');
      await c.startTls();
      ext = await hello();
    }
    if (o.user !== undefined) {
      if (!c.encrypted && !(o.plainAuth ?? plainAuthAllowed(o.host))) throw new SmtpError('the server offers no TLS; credentials are not sent in clear text', 'transport');
      const mechanisms = ext.get('AUTH') ?? [];
      const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
      if (mechanisms.includes('PLAIN')) {
        expect(await c.command(`AUTH PLAIN ${b64(`\0${o.user}\0${o.pass ?? ''}`)}`), [235], 'AUTH PLAIN', 'transport');
      } else if (mechanisms.includes('LOGIN')) {
        expect(await c.command('AUTH LOGIN'), [334], 'AUTH LOGIN', 'transport');
        expect(await c.command(b64(o.user)), [334], 'AUTH LOGIN user', 'transport');
        expect(await c.command(b64(o.pass ?? '')), [235], 'AUTH LOGIN password', 'transport');
      } else {
        throw new SmtpError('the server offers neither AUTH PLAIN nor AUTH LOGIN', 'transport');
      }
    }
    if (utf8 && !ext.has('SMTPUTF8')) {
      const sender = needsSmtpUtf8(envelope.from);
      await c.command('QUIT').catch(() => undefined);
      throw new SmtpError(`the ${sender ? 'sender' : 'recipient'} address has a non-ASCII local part and the server does not offer SMTPUTF8`, sender ? 'transport' : 'message', 553);
    }
    // With SMTPUTF8 the addresses go as they are (NFC); without, the domain in its A-label form.
    const mailbox = (address: string) => (utf8 ? address.normalize('NFC') : asciiDomainAddress(address)!);
    expect(await c.command(`MAIL FROM:<${mailbox(envelope.from)}>${utf8 ? ' SMTPUTF8' : ''}`), [250], 'MAIL FROM', 'transport');
    expect(await c.command(`RCPT TO:<${mailbox(envelope.to)}>`), [250, 251], 'RCPT TO', 'message');
    expect(await c.command('DATA'), [354], 'DATA', 'message');
    c.write(dotStuff(typeof message === 'string' ? message : message(utf8)));
    expect(await c.read(), [250], 'message', 'message');
    // The message is accepted; a failing QUIT changes nothing.
    await c.command('QUIT').catch(() => undefined);
  } catch (error) {
    if (error instanceof SmtpError) throw error;
    throw new SmtpError(`failed (${(error as { code?: string }).code ?? (error as Error).name})`, 'transport');
  } finally {
    c.close();
  }
}

/** Sends each e-mail by SMTP (`CIVIC_SMTP_URL`), `From` = `CIVIC_MAIL_FROM`. */
export class SmtpNotifier implements Notifier {
  private n = 0;
  private readonly domain: string;

  constructor(
    private readonly options: SmtpOptions,
    readonly from: string,
    private readonly now: () => number = Date.now,
  ) {
    // The Message-ID stays ASCII: an internationalised domain in its A-label form.
    this.domain = domainToASCII(envelopeAddress(from).split('@')[1] ?? '') || 'civic.invalid';
  }

  async send(mail: Mail): Promise<void> {
    const at = this.now();
    const id = `${at.toString(36)}.${process.pid}.${++this.n}.${Math.random().toString(36).slice(2, 10)}@${this.domain}`;
    await sendSmtp(this.options, { from: envelopeAddress(this.from), to: mail.to.trim() }, (utf8) => formatMail(mail, this.from, new Date(at), id, { utf8 }));
  }
}
