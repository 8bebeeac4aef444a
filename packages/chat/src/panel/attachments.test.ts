import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, $$, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';
import { PNG, choose, png } from '../testing/files.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function conversation(mock: MockWorker) {
  const c = [...mock.api.state.chat.conversations.values()][0];
  if (!c) throw new Error('no conversation');
  return c;
}

async function conversationWithFiles(attributes: Record<string, string> = { mode: 'inline' }) {
  const fixture = await chat(attributes);
  await start(fixture.el);
  await shows(fixture.el, 'button.attach');
  return fixture;
}

describe('<civic-chat> attachments', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('offers a file picker with the desk’s limits: accepted types and the size in words', async () => {
    const { el } = await conversationWithFiles();
    const attach = $(el, 'button.attach')!;
    expect(text(attach)).to.equal('Datei anhängen');
    expect($<HTMLInputElement>(el, '#civic-chat-file')!.accept).to.equal('image/jpeg,image/png,application/pdf');
    expect(text($(el, '#civic-chat-files-hint'))).to.equal(
      'Erlaubt sind JPEG, PNG und PDF bis 10 MB je Datei, höchstens 5 Dateien pro Nachricht.',
    );
    expect(attach.getAttribute('aria-describedby')).to.equal('civic-chat-files-hint');
    await expectAccessible(el, { state: 'button.attach' });
  });

  it('uploads a chosen file with a progress indicator, then sends it with the message; the log offers its download', async () => {
    const { el } = await conversationWithFiles();
    mock.api.faults.set({ latencyMs: 200, match: 'uploadAttachment' });
    choose(el, png('Meldebescheinigung.png'));
    const progress = await shows(el, '.upload--uploading progress');
    expect(progress.getAttribute('aria-label')).to.equal('Meldebescheinigung.png wird hochgeladen');
    expect(text($(el, '.upload--uploading .state'))).to.equal('Wird hochgeladen …');
    await expectAccessible(el, { state: '.upload--uploading' });
    await shows(el, '.upload--done');
    mock.api.faults.clear();
    expect(text($(el, '.upload--done'))).to.equal('Meldebescheinigung.png (1 kB) Hochgeladen Entfernen');
    expect(conversation(mock).attachments.size).to.equal(1);

    // A file alone (no text) is a message; Enter sends it.
    $(el, '#civic-chat-input')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.msg--citizen:not(.msg--pending) button.download'), 'attachment message in the log');
    expect($(el, '.uploads')).to.equal(null);
    const sent = conversation(mock).messages.filter((m) => m.author.kind === 'citizen');
    expect(sent.map((m) => m.attachments.map((a) => a.name))).to.deep.equal([['Meldebescheinigung.png']]);
    const download = $(el, '.msg--citizen button.download')!;
    expect(text(download)).to.equal('Meldebescheinigung.png herunterladen (PNG, 1 kB)');
    await expectAccessible(el, { state: 'button.download' });

    const blobs: Blob[] = [];
    const names: string[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      download.click();
      await waitUntil(() => names.length === 1, 'download started');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names).to.deep.equal(['Meldebescheinigung.png']);
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer())].slice(0, 8)).to.deep.equal(PNG);
  });

  it('accepts files dropped onto the conversation and shows a drop hint while dragging', async () => {
    const { el } = await conversationWithFiles();
    const area = $(el, '.conversation')!;
    const dt = new DataTransfer();
    dt.items.add(png('Foto.png'));
    area.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    await shows(el, '.drop-hint');
    expect(text($(el, '.drop-hint'))).to.equal('Datei hier ablegen, um sie anzuhängen.');
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
    area.dispatchEvent(drop);
    expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
    await shows(el, '.upload--done');
    expect($(el, '.drop-hint')).to.equal(null);
    expect([...conversation(mock).attachments.values()].map((a) => a.name)).to.deep.equal(['Foto.png']);
  });

  it('shows how much of the file has gone: the progress bar follows the browser’s upload progress', async () => {
    const { el } = await conversationWithFiles();
    // Chromium reports no upload progress for requests a service worker (the mock) answers: a
    // stand-in XMLHttpRequest reports progress, holds at half, then hands the request to the mock.
    const Real = window.XMLHttpRequest;
    let release!: () => void;
    const halfway = new Promise<void>((resolve) => (release = resolve));
    class StandIn {
      upload: { onprogress?: (e: ProgressEvent) => void } = {};
      status = 0;
      statusText = '';
      response: Blob | null = null;
      responseURL = '';
      responseType = '';
      withCredentials = false;
      onload?: () => void;
      private method = '';
      private url = '';
      private readonly headers = new Headers();
      private answer = new Headers();
      open(method: string, url: string) {
        Object.assign(this, { method, url });
      }
      setRequestHeader(name: string, value: string) {
        this.headers.set(name, value);
      }
      getAllResponseHeaders() {
        return [...this.answer].map(([k, v]) => `${k}: ${v}`).join('\r\n');
      }
      abort() {}
      async send(body: FormData) {
        const event = (loaded: number) => ({ loaded, total: 1000, lengthComputable: true }) as ProgressEvent;
        this.upload.onprogress?.(event(500));
        await halfway;
        this.upload.onprogress?.(event(1000));
        const res = await fetch(this.url, { method: this.method, headers: this.headers, body });
        Object.assign(this, { status: res.status, responseURL: res.url, response: await res.blob(), answer: res.headers });
        this.onload?.();
      }
    }
    window.XMLHttpRequest = StandIn as unknown as typeof XMLHttpRequest;
    try {
      choose(el, png('Meldebescheinigung.png'));
      await waitUntil(() => $<HTMLProgressElement>(el, '.upload--uploading progress')?.value === 500, 'half of the file sent');
      const bar = $<HTMLProgressElement>(el, '.upload--uploading progress')!;
      expect([bar.value, bar.max, bar.position]).to.deep.equal([500, 1000, 0.5]);
      await expectAccessible(el, { state: '.upload--uploading' });
      release();
      await shows(el, '.upload--done');
      expect(conversation(mock).attachments.size).to.equal(1);
    } finally {
      window.XMLHttpRequest = Real;
    }
  });

  it('refuses a file that is too large or of a wrong type before uploading, in words, and removing it returns focus', async () => {
    const { el } = await conversationWithFiles();
    const huge = new File([new Uint8Array(10485761)], 'Scan.png', { type: 'image/png' });
    const exe = new File(['MZ'], 'Programm.exe', { type: 'application/x-msdownload' });
    choose(el, huge, exe);
    await el.updateComplete;
    const errors = $$(el, '.upload--refused .error').map(text);
    expect(errors).to.deep.equal([
      'Scan.png ist zu groß. Erlaubt sind höchstens 10 MB je Datei.',
      'Programm.exe: Diese Art von Datei ist nicht erlaubt. Erlaubt sind JPEG, PNG und PDF.',
    ]);
    expect(conversation(mock).attachments.size, 'nothing uploaded').to.equal(0);
    expect($(el, '.upload--refused .retry-upload'), 'retry cannot help').to.equal(null);
    await expectAccessible(el, { state: '.upload--refused' });

    // A message cannot go while a refused file is listed; nothing typed is lost.
    $(el, '#civic-chat-input')!.focus();
    await sendKeys({ type: 'Hier der Scan' });
    await sendKeys({ press: 'Enter' });
    await shows(el, '.composer-error');
    expect(text($(el, '.composer-error'))).to.equal(
      'Bitte warten Sie, bis alle Dateien hochgeladen sind, oder entfernen Sie die Dateien mit Fehler.',
    );
    expect($<HTMLTextAreaElement>(el, '#civic-chat-input')!.value).to.equal('Hier der Scan');

    $(el, '.upload .remove')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '.upload').length === 1, 'first removed');
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Programm.exe entfernen');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.uploads') === null, 'both removed');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.attach'));
  });

  it('refuses more files than a message may carry', async () => {
    const { el } = await conversationWithFiles();
    choose(el, ...['1', '2', '3', '4', '5', '6'].map((n) => png(`Seite ${n}.png`)));
    await waitUntil(() => $$(el, '.upload--done').length === 5, 'five uploaded');
    expect($$(el, '.upload--refused .error').map(text)).to.deep.equal([
      'Seite 6.png wurde nicht angehängt: Pro Nachricht sind höchstens 5 Dateien erlaubt.',
    ]);
  });

  it('explains the server’s refusals (413, 415, malware scan) without a retry', async () => {
    const { el } = await conversationWithFiles();
    // The declared type is allowed, the content is not a PNG: the server's sniffing refuses it (415).
    choose(el, new File(['<svg onload="alert(1)"/>'], 'Bild.png', { type: 'image/png' }));
    await shows(el, '.upload--failed');
    expect(text($(el, '.upload--failed .error'))).to.equal('Bild.png: Diese Art von Datei ist nicht erlaubt. Erlaubt sind JPEG, PNG und PDF.');
    expect($(el, '.upload--failed .retry-upload')).to.equal(null);
    $(el, '.upload .remove')!.click();
    await waitUntil(() => $(el, '.uploads') === null, 'removed');

    const eicar = new TextEncoder().encode('%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
    choose(el, new File([eicar], 'Antrag.pdf', { type: 'application/pdf' }));
    await shows(el, '.upload--failed');
    expect(text($(el, '.upload--failed .error'))).to.equal('Antrag.pdf wurde nicht hochgeladen. Die Virenprüfung hat die Datei abgelehnt.');
    $(el, '.upload .remove')!.click();
    await waitUntil(() => $(el, '.uploads') === null, 'removed');

    // The desk's limit may be lower than the one the widget read (413 from the server).
    const limits = mock.api.ctx.seed.chat.attachments;
    const saved = limits.maxBytes;
    limits.maxBytes = 8;
    try {
      choose(el, png('Gross.png', 64));
      await shows(el, '.upload--failed');
      expect(text($(el, '.upload--failed .error'))).to.equal('Gross.png ist zu groß. Erlaubt sind höchstens 10 MB je Datei.');
    } finally {
      limits.maxBytes = saved;
    }
    await expectAccessible(el, { state: '.upload--failed' });
  });

  it('retries after 429, 5xx and network errors at the citizen’s request (same upload, no duplicate)', async () => {
    const { el, clock } = await conversationWithFiles();
    mock.api.faults.set({ rateLimit: { retryAfterSeconds: 90 }, failNext: 1, match: 'uploadAttachment' });
    choose(el, png('Pass.png'));
    await shows(el, '.upload--failed');
    expect(text($(el, '.upload--failed .error'))).to.equal(
      'Pass.png wurde nicht hochgeladen. Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in 90 Sekunden erneut.',
    );
    const retry = $(el, '.upload--failed .retry-upload')!;
    expect(retry.getAttribute('aria-label')).to.equal('Erneut versuchen: Pass.png hochladen');
    await expectAccessible(el, { state: '.retry-upload' });

    mock.api.faults.set({ status: 500, failNext: 1, match: 'uploadAttachment' });
    retry.click();
    await waitUntil(() => text($(el, '.upload--failed .error')).includes('Beim Server ist ein Fehler aufgetreten'), '500 explained');

    // No connection: the client tries once more by itself (after its backoff), then says so.
    const { http, HttpResponse } = await import('msw');
    const offline = () => http.post('*/v1/chat/conversations/:id/attachments', () => HttpResponse.error(), { once: true });
    mock.worker.use(offline(), offline());
    $(el, '.upload--failed .retry-upload')!.click();
    await waitUntil(() => $(el, '.upload--uploading'), 'uploading again');
    await clock.advance(1000);
    await waitUntil(() => text($(el, '.upload--failed .error')).includes('Keine Verbindung zum Server'), 'network error explained');

    $(el, '.upload--failed .retry-upload')!.click();
    await shows(el, '.upload--done');
    expect(conversation(mock).attachments.size, 'one file stored').to.equal(1);
  });

  it('has no attach button when the desk accepts no files', async () => {
    const limits = mock.api.ctx.seed.chat.attachments;
    const saved = limits.maxBytes;
    limits.maxBytes = 0;
    try {
      const { el } = await chat({ mode: 'inline' });
      await start(el);
      await waitUntil(() => el.panel!.files, 'attachments loaded');
      await el.updateComplete;
      expect($(el, 'button.attach')).to.equal(null);
      expect($(el, '#civic-chat-file')).to.equal(null);
    } finally {
      limits.maxBytes = saved;
    }
  });
});
