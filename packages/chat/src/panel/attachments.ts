/**
 * Attachments: the file picker, dropping files onto the conversation, uploads with their state,
 * and the download buttons of attachments in the log. Its own lazy chunk, loaded with the
 * conversation view (in parallel with the history).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CivicApiError, LocalizeController, c, errorMessage, isAbortError, newIdempotencyKey, type ApiClient, type Check } from '@civic-elements/core';
import type { Attachment, AttachmentLimits } from '@civic-elements/contract';
import { FILES_NS, registerFileStrings } from '../locales/files/register.js';

type Host = ConstructorParameters<typeof LocalizeController>[0] & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the attachments read and keep of the conversation (its stored record: see ChatSession). */
interface Conversation {
  id: string;
  token: string;
  ended: boolean;
  attachments: Attachment[];
  /** Names of the chosen files whose upload has not finished, kept for a reload. */
  unfinished: string[];
  /** Names of files a reload cut off, until the citizen dismisses the notice or chooses a file. */
  lost: string[];
  save(): void;
}

const attachmentCheck = c.object({ id: c.string(), name: c.string(), type: c.string(), size: c.integer() }) as unknown as Check<Attachment>;

/** Refusals retrying cannot change (the file itself, or the conversation): only "remove" is offered. */
const FINAL = new Set([400, 401, 403, 404, 409, 413, 415, 422]);

/** One chosen file: refused before upload, uploading, uploaded, or failed. */
export interface Upload {
  /** Idempotency-Key of its upload (a retry reuses it) and its key in the list. */
  key: string;
  /** The chosen file; after a reload, the uploaded file's metadata (the bytes are on the server). */
  file: File | Attachment;
  state: 'refused' | 'uploading' | 'done' | 'failed';
  /** Why it was refused or failed. */
  reason?: 'tooLarge' | 'wrongType' | 'tooMany';
  error?: unknown;
  attachment?: Attachment;
  /** Bytes of the upload request sent so far, of `total` (unknown until the browser reports them). */
  sent?: number;
  total?: number;
}

/** `image/jpeg` → `JPEG`, `application/pdf` → `PDF`. */
export const typeName = (type: string): string => (type.split('/')[1] ?? type).replace(/^x-/, '').toUpperCase();

export class Attachments {
  uploads: Upload[] = [];
  dragging = false;
  /** The citizen tried to send while an upload was unfinished or failed. */
  blocked = false;
  private readonly abort = new AbortController();
  private readonly localize: LocalizeController;

  constructor(
    private readonly host: Host,
    private readonly client: () => ApiClient,
    private readonly conversation: () => Conversation | undefined,
    readonly limits: AttachmentLimits,
    private readonly failed: (error: unknown) => void,
  ) {
    registerFileStrings();
    this.localize = new LocalizeController(host, { ns: FILES_NS });
    // Uploaded before a reload: listed again, ready to go with the next message. A file that was
    // still uploading is not (the browser no longer has it): the panel names it (`lost`).
    this.uploads = (conversation()?.attachments ?? []).map((a) => ({ key: a.id, file: a, state: 'done', attachment: a }));
  }

  /** Whether the desk accepts files at all. */
  get enabled(): boolean {
    return this.limits.maxBytes > 0 && this.limits.maxPerMessage > 0 && this.limits.types.length > 0;
  }

  /** Whether a message may go now: nothing still uploading, nothing failed or refused left over. */
  get ready(): boolean {
    return this.uploads.every((u) => u.state === 'done');
  }

  /** The uploaded files, handed to a message; the list empties. */
  take(): Attachment[] {
    const done = this.done();
    this.uploads = [];
    this.blocked = false;
    this.keep();
    this.host.requestUpdate();
    return done;
  }

  private done(): Attachment[] {
    return this.uploads.flatMap((u) => (u.attachment ? [u.attachment] : []));
  }

  /**
   * Keeps the uploaded files' metadata in the stored conversation (a reload lists them again) and
   * the names of the unfinished ones, still uploading or failed and retryable (a reload names them),
   * after the names the last reload's notice still shows; not once the conversation ended (an
   * upload finishing later stays out of storage).
   */
  keep(): void {
    const conversation = this.conversation();
    if (!conversation || conversation.ended) return;
    conversation.attachments = this.done();
    conversation.unfinished = [...conversation.lost, ...this.uploads.filter((u) => u.state === 'uploading' || this.retryable(u)).map((u) => u.file.name)];
    conversation.save();
  }

  dispose(): void {
    this.abort.abort();
    this.uploads = [];
    this.host.removeController(this.localize);
  }

  size(bytes: number): string {
    // Binary units as file managers show them (10485760 bytes = 10 MB).
    const mb = bytes >= 1024 * 1024;
    return this.localize.formatNumber(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)), {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    });
  }

  private types(): string {
    return this.localize.formatList(this.limits.types.map(typeName));
  }

  /** Checks the files against the desk's limits and uploads the acceptable ones at once. */
  add(files: Iterable<File>): void {
    const conversation = this.conversation();
    if (!this.enabled || !conversation) return;
    // A chosen file answers the notice on files a reload cut off.
    conversation.lost = [];
    const { maxBytes, types, maxPerMessage } = this.limits;
    for (const file of files) {
      const upload: Upload = { key: newIdempotencyKey(), file, state: 'uploading' };
      const counted = this.uploads.filter((u) => u.state !== 'refused').length;
      if (counted >= maxPerMessage) Object.assign(upload, { state: 'refused', reason: 'tooMany' });
      else if (file.size > maxBytes) Object.assign(upload, { state: 'refused', reason: 'tooLarge' });
      else if (!types.includes(file.type.toLowerCase())) Object.assign(upload, { state: 'refused', reason: 'wrongType' });
      this.uploads = [...this.uploads, upload];
      if (upload.state === 'uploading') void this.upload(upload);
    }
    this.keep();
    this.host.requestUpdate();
  }

  private async upload(upload: Upload): Promise<void> {
    const conversation = this.conversation();
    if (!conversation) return;
    Object.assign(upload, { state: 'uploading', error: undefined, sent: undefined, total: undefined });
    this.host.requestUpdate();
    const body = new FormData();
    // Only chosen files are uploaded: one listed again after a reload is done and offers no retry.
    body.append('file', upload.file as File, upload.file.name);
    try {
      upload.attachment = await this.client().request('POST', '/v1/chat/conversations/{id}/attachments', {
        params: { id: conversation.id },
        token: conversation.token,
        body,
        idempotencyKey: upload.key,
        check: attachmentCheck,
        signal: this.abort.signal,
        onUploadProgress: (sent, total) => {
          if (!total) return;
          Object.assign(upload, { sent, total });
          this.host.requestUpdate();
        },
      });
      upload.state = 'done';
    } catch (error) {
      if (isAbortError(error)) return;
      const status = error instanceof CivicApiError ? error.status : undefined;
      Object.assign(upload, { state: 'failed', error, reason: status === 413 ? 'tooLarge' : status === 415 ? 'wrongType' : undefined });
    }
    this.keep();
    this.host.requestUpdate();
  }

  retry(upload: Upload): void {
    void this.upload(upload);
  }

  remove(upload: Upload): void {
    const index = this.uploads.indexOf(upload);
    this.uploads = this.uploads.filter((u) => u !== upload);
    this.keep();
    if (this.ready) this.blocked = false;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      // Focus moves to the next file's remove button, else the attach button.
      const root = this.host.renderRoot;
      const next = root.querySelectorAll<HTMLElement>('.upload .remove')[Math.min(index, this.uploads.length - 1)];
      (next ?? root.querySelector<HTMLElement>('.attach'))?.focus();
    });
  }

  /** Why an upload cannot go, in words (the file's name included). */
  private problem(u: Upload): string {
    const t = this.localize.t;
    const name = u.file.name;
    if (u.reason === 'tooMany') return t('tooMany', { name, count: this.limits.maxPerMessage });
    if (u.reason === 'tooLarge') return t('tooLarge', { name, max: this.size(this.limits.maxBytes) });
    if (u.reason === 'wrongType') return t('wrongType', { name, types: this.types() });
    return t('failed', { name, reason: errorMessage(t, u.error) });
  }

  private retryable(u: Upload): boolean {
    const status = u.error instanceof CivicApiError ? u.error.status : undefined;
    return u.state === 'failed' && !(status !== undefined && FINAL.has(status));
  }

  /** The attach button (opens the file picker), the hidden picker and the hint on what is accepted. */
  renderPicker(): TemplateResult | typeof nothing {
    if (!this.enabled) return nothing;
    const t = this.localize.t;
    const pick = () => this.host.renderRoot.querySelector<HTMLInputElement>('#civic-chat-file')?.click();
    return html`<button type="button" class="attach" part="attach-button" aria-describedby="civic-chat-files-hint" @click=${pick}>
        ${t('attach')}
      </button>
      <input
        type="file"
        id="civic-chat-file"
        hidden
        multiple
        accept=${this.limits.types.join(',')}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          this.add(input.files ?? []);
          input.value = '';
        }}
      />
      <span id="civic-chat-files-hint" class="files-hint">
        ${t('hint', { types: this.types(), max: this.size(this.limits.maxBytes), count: this.limits.maxPerMessage })}
      </span>`;
  }

  /** While files are dragged over the conversation. */
  renderDropHint(): TemplateResult | typeof nothing {
    return this.dragging ? html`<p class="drop-hint">${this.localize.t('drop')}</p>` : nothing;
  }

  /** The chosen files with their state; errors with retry and remove. */
  renderUploads(): TemplateResult | typeof nothing {
    if (!this.uploads.length) return nothing;
    const t = this.localize.t;
    return html`${this.blocked && !this.ready ? html`<p class="error composer-error" role="alert">${t('wait')}</p>` : nothing}<ul class="uploads" part="uploads" aria-label=${t('list')}>
      ${repeat(
        this.uploads,
        (u) => u.key,
        (u) => html`<li class="upload upload--${u.state}">
          <span class="file-name">${u.file.name}</span> <span class="file-size">(${this.size(u.file.size)})</span>
          ${u.state === 'uploading'
            ? html`<progress aria-label=${t('uploading', { name: u.file.name })} max=${ifDefined(u.total)} value=${ifDefined(u.total && u.sent)}></progress>
                <span class="state" role="status">${t('uploadingShort')}</span>`
            : u.state === 'done'
              ? html`<span class="state" role="status">${t('done')}</span>`
              : html`<span class="error" role="alert">${this.problem(u)}</span>`}
          ${this.retryable(u)
            ? html`<button type="button" class="retry-upload" aria-label=${t('retryNamed', { name: u.file.name })} @click=${() => this.retry(u)}>
                ${t('retry')}
              </button>`
            : nothing}
          <button type="button" class="remove" aria-label=${t('removeNamed', { name: u.file.name })} @click=${() => this.remove(u)}>
            ${t('remove')}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  /** Drag-and-drop handlers for the conversation area. */
  readonly drag = {
    over: (e: DragEvent): void => {
      if (!this.enabled || !e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      if (!this.dragging) {
        this.dragging = true;
        this.host.requestUpdate();
      }
    },
    leave: (e: DragEvent): void => {
      const area = e.currentTarget as HTMLElement;
      if (e.relatedTarget instanceof Node && area.contains(e.relatedTarget)) return;
      this.dragging = false;
      this.host.requestUpdate();
    },
    drop: (e: DragEvent): void => {
      this.dragging = false;
      this.host.requestUpdate();
      if (!this.enabled || !e.dataTransfer?.files.length) return;
      e.preventDefault();
      this.add(e.dataTransfer.files);
    },
  };

  /** The attachments of a message in the log: one download button each. */
  renderList(list: readonly Attachment[]): TemplateResult {
    const t = this.localize.t;
    return html`<ul class="attachments">
      ${list.map(
        (a) => html`<li>
          <button type="button" class="download" @click=${() => void this.download(a)}>
            ${t('download', { name: a.name })}
            <span class="file-size">(${typeName(a.type)}, ${this.size(a.size)})</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }

  /** Downloads an attachment (it needs the conversation's token, so no plain link). */
  async download(a: Attachment): Promise<void> {
    const conversation = this.conversation();
    if (!conversation) return;
    try {
      const blob = await this.client().download('/v1/chat/conversations/{id}/attachments/{attachmentId}', {
        params: { id: conversation.id, attachmentId: a.id },
        token: conversation.token,
        signal: this.abort.signal,
      });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = a.name;
      link.click();
      globalThis.setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      if (!isAbortError(error)) this.failed(error);
    }
  }
}
