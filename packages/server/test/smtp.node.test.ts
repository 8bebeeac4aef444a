/**
 * The SMTP notifier against a fake SMTP server written here: the dialogue (EHLO, STARTTLS used
 * when offered and skipped on smtps:// or when not offered, AUTH PLAIN and LOGIN, MAIL FROM,
 * RCPT TO, DATA with dot-stuffing, QUIT), TLS certificate checks, timeouts, and the delivery
 * loop with it: a 4xx is retried later, a 5xx is dropped and logged, a server that is down loses
 * nothing. International addresses: an IDN domain as its A-label, a non-ASCII local part only with
 * SMTPUTF8 (else refused for good, not retried, logged without the address).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, ConfigError, silentLogger, startServer } from '@civic-elements/server';
import { dotStuff, envelopeAddress, parseSmtpUrl, plainAuthAllowed, sendSmtp, SmtpError, SmtpNotifier, type SmtpOptions } from '../src/smtp.js';
import { deliverPending, readMail, type Mail, type Notifier } from '../src/notifier.js';
import { openDb, type Db } from '../src/db.js';
import { book, firstSlot, hold, pgliteServer, startPostgres, type TestServer } from './helpers.js';

/** A self-signed certificate for localhost / 127.0.0.1, made with openssl for this run. */
function certificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'civic-smtp-cert-'));
  try {
    const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Session {
  commands: string[];
  /** Whether the connection was on TLS when each command arrived. */
  secure: boolean[];
  /** The DATA payloads exactly as received (still dot-stuffed), without the final `.` line. */
  data: string[];
}

interface FakeOptions {
  implicitTls?: boolean;
  starttls?: boolean;
  auth?: string[];
  /** Advertise SMTPUTF8 (RFC 6531) in the EHLO reply. */
  smtputf8?: boolean;
  /** Reply to the greeting (default 220). */
  greeting?: () => string;
  /** Reply to RCPT TO (default 250). */
  rcpt?: () => string;
  /** Never answer anything (timeout test). */
  silent?: boolean;
}

class FakeSmtp {
  sessions: Session[] = [];
  port = 0;
  private server!: Server;
  private sockets = new Set<Socket>();
  constructor(
    public o: FakeOptions,
    private readonly tls: { key: string; cert: string },
  ) {}

  async start(): Promise<this> {
    this.server = this.o.implicitTls ? createTlsServer(this.tls, (s) => this.serve(s, true)) : createNetServer((s) => this.serve(s, false));
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private serve(socket: Socket, secure: boolean) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const session: Session = { commands: [], secure: [], data: [] };
    this.sessions.push(session);
    if (this.o.silent) return;
    let current: Socket = socket;
    let buffer = '';
    let mode: 'command' | 'data' | 'login-user' | 'login-pass' = 'command';
    let data: string[] = [];
    const reply = (text: string) => current.write(`${text}\r\n`);
    const onLine = (line: string) => {
      if (mode === 'data') {
        if (line === '.') {
          session.data.push(data.join('\r\n'));
          data = [];
          mode = 'command';
          reply('250 2.0.0 queued');
        } else data.push(line);
        return;
      }
      session.commands.push(line);
      session.secure.push(secure);
      if (mode === 'login-user') {
        mode = 'login-pass';
        return reply('334 UGFzc3dvcmQ6');
      }
      if (mode === 'login-pass') {
        mode = 'command';
        return reply('235 2.7.0 ok');
      }
      const verb = line.split(' ')[0]!.toUpperCase();
      if (verb === 'EHLO') {
        const ext = ['fake.test greets you', ...(this.o.starttls ? ['STARTTLS'] : []), ...(this.o.auth?.length ? [`AUTH ${this.o.auth.join(' ')}`] : []), '8BITMIME', ...(this.o.smtputf8 ? ['SMTPUTF8'] : [])];
        return reply(ext.map((e, i) => `250${i === ext.length - 1 ? ' ' : '-'}${e}`).join('\r\n'));
      }
      if (verb === 'STARTTLS') {
        reply('220 2.0.0 ready');
        current.off('data', onData);
        const upgraded = new TLSSocket(current, { isServer: true, ...this.tls });
        upgraded.on('error', () => undefined);
        current = upgraded;
        secure = true;
        current.on('data', onData);
        return;
      }
      if (verb === 'AUTH') {
        if (line.toUpperCase().startsWith('AUTH LOGIN')) {
          mode = 'login-user';
          return reply('334 VXNlcm5hbWU6');
        }
        return reply('235 2.7.0 ok');
      }
      if (verb === 'MAIL') return reply('250 2.1.0 ok');
      if (verb === 'RCPT') return reply(this.o.rcpt?.() ?? '250 2.1.5 ok');
      if (verb === 'DATA') {
        mode = 'data';
        return reply('354 go ahead');
      }
      if (verb === 'QUIT') {
        reply('221 bye');
        current.end();
        return;
      }
      reply('502 5.5.2 unknown');
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        onLine(line);
      }
    };
    current.on('data', onData);
    reply(this.o.greeting?.() ?? '220 fake.test ESMTP');
  }
}

const MESSAGE = 'Subject: test\r\n\r\nfirst line\r\n.leading dot\r\n..two dots\r\n.\r\nlast';

describe('smtp: settings and pieces', () => {
  it('reads smtp:// and smtps:// URLs with URL-encoded credentials and default ports', () => {
    assert.deepEqual(parseSmtpUrl('smtp://mail.example.org'), { secure: false, host: 'mail.example.org', port: 587 });
    assert.deepEqual(parseSmtpUrl('smtps://us%40er:p%3Ass@mail.example.org'), { secure: true, host: 'mail.example.org', port: 465, user: 'us@er', pass: 'p:ss' });
    assert.deepEqual(parseSmtpUrl('smtp://[::1]:2525'), { secure: false, host: '::1', port: 2525 });
    assert.throws(() => parseSmtpUrl('http://mail.example.org'), /smtp:\/\/ or smtps:\/\//);
    assert.throws(() => parseSmtpUrl('smtp://mail.example.org/path'), /no path/);
    assert.throws(() => parseSmtpUrl('not a url'), /not a URL/);
  });

  it('configures SMTP only with a sender, and refuses malformed values', () => {
    const c = configFromEnv({ CIVIC_SMTP_URL: 'smtp://u:p@mail.example.org:25', CIVIC_MAIL_FROM: 'Stadt Musterstadt <buergerbuero@musterstadt.de>' });
    assert.equal(c.smtpUrl, 'smtp://u:p@mail.example.org:25');
    assert.equal(c.mailFrom, 'Stadt Musterstadt <buergerbuero@musterstadt.de>');
    assert.equal(configFromEnv({}).smtpUrl, undefined);
    assert.throws(() => configFromEnv({ CIVIC_SMTP_URL: 'smtp://mail.example.org' }), ConfigError);
    assert.throws(() => configFromEnv({ CIVIC_SMTP_URL: 'ftp://mail.example.org', CIVIC_MAIL_FROM: 'a@b.de' }), ConfigError);
    assert.throws(() => configFromEnv({ CIVIC_MAIL_FROM: 'nobody' }), ConfigError);
  });

  it('dot-stuffs with CRLF line ends and ends DATA with a lone dot', () => {
    assert.equal(dotStuff('a\n.b\r\n..c\n.'), 'a\r\n..b\r\n...c\r\n..\r\n.\r\n');
    assert.equal(dotStuff('x\r\n'), 'x\r\n.\r\n');
    assert.equal(envelopeAddress('Stadt <a@b.de>'), 'a@b.de');
    assert.equal(envelopeAddress(' a@b.de '), 'a@b.de');
    assert.ok(plainAuthAllowed('127.0.0.1') && plainAuthAllowed('localhost') && plainAuthAllowed('::1'));
    assert.ok(!plainAuthAllowed('mail.example.org') && !plainAuthAllowed('10.0.0.1'));
  });
});

describe('smtp: the dialogue with a fake server', () => {
  const tls = certificate();
  const servers: FakeSmtp[] = [];
  const fake = async (o: FakeOptions) => {
    const f = await new FakeSmtp(o, tls).start();
    servers.push(f);
    return f;
  };
  const opts = (f: FakeSmtp, o: Partial<SmtpOptions> = {}): SmtpOptions => ({ secure: false, host: '127.0.0.1', port: f.port, clientName: 'civic.test', timeoutMs: 5000, ...o });
  after(async () => {
    for (const f of servers) await f.stop();
  });

  it('plain: EHLO, AUTH PLAIN (loopback only), MAIL FROM, RCPT TO, DATA dot-stuffed, QUIT; no STARTTLS when not offered', async () => {
    const f = await fake({ auth: ['PLAIN', 'LOGIN'] });
    await sendSmtp(opts(f, { user: 'civic', pass: 'sécret' }), { from: 'no-reply@musterstadt.de', to: 'erika@example.org' }, MESSAGE);
    const [s] = f.sessions;
    assert.deepEqual(s!.commands, ['EHLO civic.test', `AUTH PLAIN ${Buffer.from('\0civic\0sécret').toString('base64')}`, 'MAIL FROM:<no-reply@musterstadt.de>', 'RCPT TO:<erika@example.org>', 'DATA', 'QUIT']);
    assert.equal(s!.data[0], 'Subject: test\r\n\r\nfirst line\r\n..leading dot\r\n...two dots\r\n..\r\nlast', 'every line starting with a dot got one more');
  });

  it('never sends credentials in clear text to a mail server elsewhere', async () => {
    const f = await fake({ auth: ['PLAIN', 'LOGIN'] });
    await assert.rejects(sendSmtp(opts(f, { user: 'civic', pass: 'pw', plainAuth: false }), { from: 'a@musterstadt.de', to: 'b@example.org' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'transport' && /clear text/.test(e.message));
    assert.deepEqual(f.sessions[0]!.commands.filter((c) => c !== 'QUIT'), ['EHLO civic.test']);
  });

  it('STARTTLS when offered: TLS before the credentials, EHLO again, AUTH LOGIN when PLAIN is not offered', async () => {
    const f = await fake({ starttls: true, auth: ['LOGIN'] });
    await sendSmtp(opts(f, { user: 'civic', pass: 'pw', tls: { ca: tls.cert } }), { from: 'a@musterstadt.de', to: 'b@example.org' }, MESSAGE);
    const [s] = f.sessions;
    assert.deepEqual(s!.commands, ['EHLO civic.test', 'STARTTLS', 'EHLO civic.test', 'AUTH LOGIN', Buffer.from('civic').toString('base64'), Buffer.from('pw').toString('base64'), 'MAIL FROM:<a@musterstadt.de>', 'RCPT TO:<b@example.org>', 'DATA', 'QUIT']);
    assert.deepEqual(s!.secure, [false, false, true, true, true, true, true, true, true, true]);
    assert.equal(s!.data.length, 1);
  });

  it('smtps:// is TLS from the start and skips STARTTLS even when offered', async () => {
    const f = await fake({ implicitTls: true, starttls: true, auth: ['PLAIN'] });
    await sendSmtp(opts(f, { secure: true, user: 'u', pass: 'p', tls: { ca: tls.cert } }), { from: 'a@musterstadt.de', to: 'b@example.org' }, MESSAGE);
    const [s] = f.sessions;
    assert.ok(!s!.commands.includes('STARTTLS'));
    assert.ok(s!.secure.every(Boolean));
    assert.equal(s!.commands[1], `AUTH PLAIN ${Buffer.from('\0u\0p').toString('base64')}`);
  });

  it('refuses an untrusted certificate (transport error, nothing sent)', async () => {
    const f = await fake({ starttls: true });
    await assert.rejects(sendSmtp(opts(f), { from: 'a@musterstadt.de', to: 'b@example.org' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'transport');
    assert.ok(!f.sessions[0]!.commands.includes('MAIL FROM:<a@musterstadt.de>'));
  });

  it('a refused recipient concerns only that message: 5xx permanent, 4xx transient; a 421 greeting and silence are transport errors', async () => {
    const f = await fake({ rcpt: () => '550 5.1.1 no such user' });
    await assert.rejects(sendSmtp(opts(f), { from: 'a@musterstadt.de', to: 'x@example.org' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'message' && e.permanent && e.code === 550);
    f.o.rcpt = () => '451 4.7.1 greylisted';
    await assert.rejects(sendSmtp(opts(f), { from: 'a@musterstadt.de', to: 'x@example.org' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'message' && !e.permanent && e.code === 451);
    f.o.greeting = () => '421 4.3.2 try later';
    await assert.rejects(sendSmtp(opts(f), { from: 'a@musterstadt.de', to: 'x@example.org' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'transport' && e.code === 421 && !e.permanent);
    const quiet = await fake({ silent: true });
    const t0 = Date.now();
    await assert.rejects(sendSmtp(opts(quiet, { timeoutMs: 300 }), { from: 'a@musterstadt.de', to: 'x@example.org' }, MESSAGE), /timed out/);
    assert.ok(Date.now() - t0 < 3000);
    await assert.rejects(sendSmtp(opts(f), { from: 'a@musterstadt.de', to: 'x@example.org>\r\nRCPT TO:<y@example.org' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'message');
  });

  // IDNA A-labels of the test domains (node:url domainToASCII).
  const MUELLER = 'xn--mller-bckerei-hfb76a.de';
  const BUERGERBUERO = 'xn--brgerbro-65af.de';

  it('international domains go as A-labels in MAIL FROM and RCPT TO, without SMTPUTF8 even when the server offers it', async () => {
    const f = await fake({ smtputf8: true });
    const asked: boolean[] = [];
    await sendSmtp(opts(f), { from: 'info@bürgerbüro.de', to: 'anna@müller-bäckerei.de' }, (utf8) => (asked.push(utf8), MESSAGE));
    assert.deepEqual(f.sessions[0]!.commands, ['EHLO civic.test', `MAIL FROM:<info@${BUERGERBUERO}>`, `RCPT TO:<anna@${MUELLER}>`, 'DATA', 'QUIT']);
    assert.deepEqual(asked, [false], 'the message is formatted for a server without SMTPUTF8');
    await assert.rejects(sendSmtp(opts(f), { from: 'a@musterstadt.de', to: 'anna@mü ller.de' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'message' && e.permanent && e.code === 553 && !e.message.includes('anna'));
    assert.equal(f.sessions.length, 1, 'an invalid international domain is refused before connecting');
  });

  it('a non-ASCII local part goes with SMTPUTF8 when offered: the parameter, the addresses in UTF-8, UTF-8 addresses in the header', async () => {
    const f = await fake({ smtputf8: true });
    const notifier = new SmtpNotifier(opts(f), 'Bürgerbüro Musterstadt, "Amt 3" <buergerbuero@bürgerbüro.de>', () => 0);
    await notifier.send({ to: 'jürgen@müller-bäckerei.de', subject: 'Terminbestätigung', text: 'Grüße', locale: 'de' });
    const [s] = f.sessions;
    assert.deepEqual(s!.commands, ['EHLO civic.test', 'MAIL FROM:<buergerbuero@bürgerbüro.de> SMTPUTF8', 'RCPT TO:<jürgen@müller-bäckerei.de>', 'DATA', 'QUIT']);
    const raw = s!.data[0]!;
    assert.match(raw, /\r\nTo: jürgen@müller-bäckerei\.de\r\n/, 'RFC 6532: the address in UTF-8');
    assert.match(raw, /^From: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=\r\n <buergerbuero@bürgerbüro\.de>\r\n/, 'the name stays RFC 2047-encoded (the line folded before the address)');
    assert.match(raw, new RegExp(`\\r\\nMessage-ID: <[^>]+@${BUERGERBUERO}>\\r\\n`), 'the Message-ID stays ASCII');
    const mail = readMail(raw);
    assert.equal(mail.headers.from, 'Bürgerbüro Musterstadt, "Amt 3" <buergerbuero@bürgerbüro.de>');
    assert.equal(mail.headers.to, 'jürgen@müller-bäckerei.de');
    assert.equal(mail.text, 'Grüße');
  });

  it('without SMTPUTF8 a non-ASCII local part is refused for good (553) before MAIL FROM; the error names no address', async () => {
    const f = await fake({});
    await assert.rejects(sendSmtp(opts(f), { from: 'a@musterstadt.de', to: 'jürgen@example.de' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'message' && e.permanent && e.code === 553 && /SMTPUTF8/.test(e.message) && !/jürgen|example/.test(e.message));
    assert.deepEqual(f.sessions[0]!.commands, ['EHLO civic.test', 'QUIT'], 'nothing is sent to a server that would mangle the address');
    await assert.rejects(sendSmtp(opts(f), { from: 'bürgerbüro@musterstadt.de', to: 'erika@example.org' }, MESSAGE), (e: unknown) => e instanceof SmtpError && e.scope === 'transport' && e.code === 553, 'a sender address that needs SMTPUTF8 concerns every e-mail');
  });

  it('ASCII addresses go unchanged, without the SMTPUTF8 parameter even when the server offers it', async () => {
    const f = await fake({ smtputf8: true });
    const notifier = new SmtpNotifier(opts(f), 'Stadt Musterstadt <No-Reply@MusterStadt.de>', () => 0);
    await notifier.send({ to: 'Erika.Mustermann+termin@Example.ORG', subject: 'Termin', text: 'Hallo', locale: 'de' });
    const [s] = f.sessions;
    assert.deepEqual(s!.commands, ['EHLO civic.test', 'MAIL FROM:<No-Reply@MusterStadt.de>', 'RCPT TO:<Erika.Mustermann+termin@Example.ORG>', 'DATA', 'QUIT']);
    assert.match(s!.data[0]!, /^From: Stadt Musterstadt <No-Reply@MusterStadt\.de>\r\nTo: Erika\.Mustermann\+termin@Example\.ORG\r\n/);
  });

  it('without SMTPUTF8 an international domain is written as its A-label in the header too; the header is ASCII', async () => {
    const f = await fake({});
    const notifier = new SmtpNotifier(opts(f), 'Bürgerbüro <info@bürgerbüro.de>', () => 0);
    await notifier.send({ to: 'anna@müller-bäckerei.de', subject: 'Terminbestätigung', text: 'Grüße', locale: 'de' });
    const [s] = f.sessions;
    assert.deepEqual(s!.commands, ['EHLO civic.test', `MAIL FROM:<info@${BUERGERBUERO}>`, `RCPT TO:<anna@${MUELLER}>`, 'DATA', 'QUIT']);
    const raw = s!.data[0]!;
    assert.match(raw, new RegExp(`\\r\\nTo: anna@${MUELLER}\\r\\n`));
    assert.match(raw, new RegExp(`^From: =\\?UTF-8\\?B\\?[A-Za-z0-9+/=]+\\?= <info@${BUERGERBUERO}>\\r\\n`));
    assert.ok(/^[\x00-\x7f]*$/.test(raw), 'the whole message is ASCII (headers encoded, body base64): no 8BITMIME needed');
  });
});

describe('server: CIVIC_MAIL_FROM without SMTP', () => {
  it('is the sender of the outbox e-mails', async () => {
    const s = await pgliteServer({ env: { CIVIC_MAIL_FROM: 'Bürgerbüro <buergerbuero@musterstadt.example>' } });
    try {
      const h = await hold(s.url, await firstSlot(s.url));
      assert.equal((await book(s.url, h.body.holdId as string, { email: 'from@example.org' })).status, 201);
      assert.equal(await s.deliver(), 1);
      const dir = join(s.dataDir, 'outbox');
      const [file] = readdirSync(dir);
      const raw = readFileSync(join(dir, file!), 'utf8');
      assert.match(raw, /^From: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <buergerbuero@musterstadt\.example>\r\n/, 'a non-ASCII name is encoded (RFC 2047)');
      assert.equal(readMail(raw).headers.from, 'Bürgerbüro <buergerbuero@musterstadt.example>');
    } finally {
      await s.close();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });
});

describe('server: e-mails by SMTP with retries', () => {
  const tls = certificate();
  let f: FakeSmtp;
  let s: TestServer;
  const logs: string[] = [];
  before(async () => {
    f = await new FakeSmtp({}, tls).start();
    s = await pgliteServer({
      env: { CIVIC_SMTP_URL: `smtp://127.0.0.1:${f.port}`, CIVIC_MAIL_FROM: 'Stadt Musterstadt <buergerbuero@musterstadt.example>' },
      log: { info: (e, x) => logs.push(JSON.stringify({ e, ...x })), error: (e, x) => logs.push(JSON.stringify({ e, ...x })), request: () => undefined },
    });
  });
  after(async () => {
    await s.close();
    await f.stop();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  const booking = async (email: string) => {
    const h = await hold(s.url, await firstSlot(s.url));
    const b = await book(s.url, h.body.holdId as string, { email });
    assert.equal(b.status, 201);
    return b.body as { reference: string };
  };
  const pending = async () => Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE delivered_at IS NULL')).rows[0]!.n);
  const rcpts = () => f.sessions.flatMap((x) => x.commands.filter((c) => c.startsWith('RCPT')));

  it('sends the booking confirmation by SMTP (no outbox), From = CIVIC_MAIL_FROM', async () => {
    const b = await booking('smtp-1@example.org');
    assert.equal(await s.deliver(), 1);
    const session = f.sessions.at(-1)!;
    assert.ok(session.commands.includes('MAIL FROM:<buergerbuero@musterstadt.example>'));
    assert.ok(session.commands.includes('RCPT TO:<smtp-1@example.org>'));
    const mail = readMail(session.data[0]!.replace(/^\.\./gm, '.'));
    assert.equal(mail.headers.from, 'Stadt Musterstadt <buergerbuero@musterstadt.example>');
    assert.equal(mail.headers.subject, `Terminbestätigung ${b.reference}`);
    assert.deepEqual(mail.attachments, [`termin-${b.reference}.ics`]);
    assert.equal((await fetch(`${s.url}/dev/outbox`)).status, 404, 'no outbox page when mail goes out by SMTP');
    assert.equal(await pending(), 0);
  });

  it('a 4xx leaves the e-mail pending and retries it after a pause; a 5xx drops it with a log line', async () => {
    f.o.rcpt = () => '451 4.7.1 greylisted';
    await booking('smtp-2@example.org');
    assert.equal(await s.deliver(), 0);
    assert.equal(await pending(), 1, 'still pending after the 4xx');
    const tried = rcpts().length;
    f.o.rcpt = undefined;
    assert.equal(await s.deliver(), 0, 'not retried before its pause');
    assert.equal(rcpts().length, tried);
    s.clock.advance(61_000);
    assert.equal(await s.deliver(), 1, 'retried after the pause');
    assert.equal(await pending(), 0);
    assert.ok(logs.some((l) => l.includes('"e":"mail_deferred"') && l.includes('"code":451')));

    f.o.rcpt = () => '550 5.1.1 no such user';
    await booking('smtp-3@example.org');
    assert.equal(await s.deliver(), 0);
    assert.equal(await pending(), 0, 'a permanent refusal is not retried');
    assert.ok(logs.some((l) => l.includes('"e":"mail_refused"') && l.includes('"code":550')));
    assert.ok(!logs.some((l) => l.includes('@example.org')), 'logs carry no addresses');
    f.o.rcpt = undefined;
  });

  it('a mail server that is down loses nothing: delivery throws, pauses, and sends everything later', async () => {
    f.o.greeting = () => '421 4.3.2 shutting down';
    await booking('smtp-4@example.org');
    await booking('smtp-5@example.org');
    await assert.rejects(s.deliver(), (e: unknown) => e instanceof SmtpError && e.scope === 'transport');
    assert.equal(await pending(), 2);
    f.o.greeting = undefined;
    const sessions = f.sessions.length;
    assert.equal(await s.deliver(), 0, 'paused after the transport failure');
    assert.equal(f.sessions.length, sessions);
    s.clock.advance(6_000);
    assert.equal(await s.deliver(), 2);
    assert.equal(await pending(), 0);
    assert.deepEqual(rcpts().slice(-2).sort(), ['RCPT TO:<smtp-4@example.org>', 'RCPT TO:<smtp-5@example.org>']);
  });
});

describe('delivery loop: a recipient that needs SMTPUTF8 and a server without it', () => {
  it('is dropped at once (refused for good, no retry) and logged without the address', async () => {
    const f = await new FakeSmtp({}, certificate()).start();
    const db = await openDb({});
    const logs: string[] = [];
    const log = { info: (e: string, x?: object) => logs.push(JSON.stringify({ e, ...x })), error: (e: string, x?: object) => logs.push(JSON.stringify({ e, ...x })), request: () => undefined };
    try {
      await db.query("INSERT INTO notifications (kind, recipient, locale, data, created_at) VALUES ('test', 'jürgen@müller-bäckerei.de', 'de', '{}', 0)");
      const notifier = new SmtpNotifier({ secure: false, host: '127.0.0.1', port: f.port, clientName: 'civic.test', timeoutMs: 5000 }, 'Stadt <a@musterstadt.de>', () => 0);
      const render = (_q: unknown, n: { recipient: string | null }) => Promise.resolve<Mail>({ to: n.recipient!, subject: 's', text: 't', locale: 'de' });
      assert.equal(await deliverPending(db, notifier, render, 1, 50, log), 0);
      assert.equal(Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE delivered_at IS NULL')).rows[0]!.n), 0, 'marked done: not retried');
      assert.equal(await deliverPending(db, notifier, render, 1 + 7_200_000, 50, log), 0);
      assert.equal(f.sessions.length, 1, 'one attempt only');
      assert.ok(!f.sessions[0]!.commands.some((c) => /^(MAIL|RCPT|DATA)/.test(c)));
      assert.deepEqual(logs.map((l) => JSON.parse(l) as unknown), [{ e: 'mail_refused', kind: 'test', code: 553 }]);
      assert.ok(!logs.some((l) => /jürgen|müller|xn--/.test(l)), 'logs carry no addresses');
    } finally {
      await db.close();
      await f.stop();
    }
  });
});

describe('delivery loop: each e-mail once, even with deliveries running side by side', () => {
  /** A slow notifier that records what it sent (PostgreSQL case). */
  const slow = (sent: string[]): Notifier => ({
    async send(mail: Mail) {
      await new Promise((r) => setTimeout(r, 20));
      sent.push(mail.to);
    },
  });
  const render = (_q: unknown, n: { recipient: string | null }) => Promise.resolve<Mail>({ to: n.recipient!, subject: 's', text: 't', locale: 'de' });
  const queue = async (db: Db, n: number) => {
    for (let i = 0; i < n; i++) await db.query("INSERT INTO notifications (kind, recipient, locale, data, created_at) VALUES ('test', $1, 'de', '{}', 0)", [`r${i}@example.org`]);
  };

  it('PGlite: the database serves requests while an e-mail is being sent, and a second delivery skips the claimed rows', async () => {
    const db = await openDb({});
    try {
      await queue(db, 6);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const sent: string[] = [];
      const blocked: Notifier = {
        async send(mail) {
          await gate;
          sent.push(mail.to);
        },
      };
      const first = deliverPending(db, blocked, render, 1);
      await new Promise((r) => setTimeout(r, 50));
      const within = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, no) => setTimeout(() => no(new Error('stalled while an e-mail is being sent')), 5000))]);
      assert.deepEqual((await within(db.query<{ n: number }>('SELECT 1 AS n'))).rows, [{ n: 1 }]);
      assert.equal(await within(deliverPending(db, blocked, render, 1)), 0, 'the rows being sent are not taken twice');
      release();
      assert.equal(await first, 6);
      assert.equal(new Set(sent).size, 6);
      assert.equal(sent.length, 6);
    } finally {
      await db.close();
    }
  });

  it('PostgreSQL: two processes delivering at once send each e-mail once', async () => {
    const pgsql = await startPostgres();
    const url = await pgsql.database();
    const a = await openDb({ databaseUrl: url });
    const b = await openDb({ databaseUrl: url });
    try {
      await queue(a, 10);
      const sent: string[] = [];
      const counts = await Promise.all([deliverPending(a, slow(sent), render, 1, 5), deliverPending(b, slow(sent), render, 1, 5), deliverPending(a, slow(sent), render, 1, 5)]);
      assert.equal(counts.reduce((x, y) => x + y, 0), 10);
      assert.equal(new Set(sent).size, 10);
      assert.equal(sent.length, 10);
    } finally {
      await a.close();
      await b.close();
      await pgsql.stop();
    }
  });

  it('graceful shutdown lets the e-mail being sent finish and marks it delivered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-drain-'));
    let started!: () => void;
    const sending = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const notifier: Notifier = {
      async send(mail) {
        started();
        await gate;
        sent.push(mail.to);
      },
    };
    try {
      const s = await startServer({ config: configFromEnv({ CIVIC_TEST_MODE: '1', CIVIC_HOLD_TTL_SECONDS: '60', CIVIC_DATA_DIR: dataDir, PORT: '0' }), log: silentLogger, notifier, deliveryMs: 20 });
      const h = await hold(s.url!, await firstSlot(s.url!));
      assert.equal((await book(s.url!, h.body.holdId as string, { email: 'drain@example.org' })).status, 201);
      await sending;
      const closing = s.close();
      setTimeout(release, 200);
      await closing;
      assert.deepEqual(sent, ['drain@example.org']);
      const db = await openDb({ dataDir: join(dataDir, 'pglite') });
      try {
        assert.equal(Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE delivered_at IS NULL')).rows[0]!.n), 0);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
