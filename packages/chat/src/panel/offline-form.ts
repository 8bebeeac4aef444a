import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { errorMessage, newIdempotencyKey, refusedPointers, type ApiClient, type LocalizeController } from '@civic-elements/core';

interface Host extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly topic?: string;
}

/**
 * "Leave a message" while nobody is at the desk: e-mail, text and consent, sent as an offline
 * message (the desk answers by e-mail). Nothing is stored in the browser. Its own lazy chunk:
 * most visits never need it.
 */
export class OfflineForm {
  constructor(
    private readonly host: Host,
    private readonly localize: LocalizeController,
    private readonly client: () => ApiClient,
  ) {}

  private readonly offline = { email: '', text: '', consent: false, tried: false, sending: false, sent: false, key: undefined as string | undefined, error: undefined as unknown, refused: undefined as string | undefined };

  render(): TemplateResult {
    const t = this.localize.t;
    const o = this.offline;
    if (o.sent) return html`<p class="offline-sent" role="status">${t('offline.sent')}</p>`;
    // The server's refusal of an address (400 at /email) counts like the widget's own check.
    const emailBad = o.tried && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(o.email) || o.email === o.refused);
    const textBad = o.tried && !/\S/.test(o.text);
    const consentBad = o.tried && !o.consent;
    const set = (patch: Partial<typeof o>) => {
      Object.assign(o, patch);
      this.host.requestUpdate();
    };
    return html`<form class="offline-form" part="offline-form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.send())}>
      <h3>${t('offline.heading')}</h3>
      <p>${t('offline.intro')}</p>
      <label for="civic-chat-offline-email">${t('offline.email')}</label>
      <input id="civic-chat-offline-email" inputmode="email" autocomplete="email" spellcheck="false" autocapitalize="off" .value=${live(o.email)}
        aria-invalid=${emailBad ? 'true' : 'false'} aria-describedby=${emailBad ? 'civic-chat-offline-email-error' : nothing}
        @input=${(e: Event) => set({ email: (e.target as HTMLInputElement).value.trim() })} />
      ${emailBad ? html`<p class="field-error" id="civic-chat-offline-email-error">${t('offline.emailInvalid')}</p>` : nothing}
      <label for="civic-chat-offline-text">${t('offline.text')}</label>
      <textarea id="civic-chat-offline-text" rows="4" maxlength="4000" .value=${live(o.text)}
        aria-invalid=${textBad ? 'true' : 'false'} aria-describedby=${textBad ? 'civic-chat-offline-text-error' : nothing}
        @input=${(e: Event) => set({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
      ${textBad ? html`<p class="field-error" id="civic-chat-offline-text-error">${t('offline.textMissing')}</p>` : nothing}
      <div class="consent">
        <input type="checkbox" id="civic-chat-offline-consent" .checked=${live(o.consent)}
          aria-invalid=${consentBad ? 'true' : 'false'} aria-describedby=${consentBad ? 'civic-chat-offline-consent-error' : nothing}
          @change=${(e: Event) => set({ consent: (e.target as HTMLInputElement).checked })} />
        <label for="civic-chat-offline-consent">${t('offline.consent')}</label>
      </div>
      ${consentBad ? html`<p class="field-error" id="civic-chat-offline-consent-error">${t('offline.consentMissing')}</p>` : nothing}
      ${o.error ? html`<p class="error" role="alert">${errorMessage(t, o.error)}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${o.sending}>${o.sending ? t('offline.sending') : t('offline.send')}</button>
    </form>`;
  }

  /**
   * Sends the offline message (nothing is stored in the browser); what was typed stays on errors.
   * An address the server refuses (400 naming `/email`) is marked at its field like the widget's
   * own check. Afterwards the focus goes to the first field marked invalid, if any.
   */
  private async send(): Promise<void> {
    const o = this.offline;
    o.tried = true;
    o.error = undefined;
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(o.email) && o.email !== o.refused && /\S/.test(o.text) && o.consent) {
      o.sending = true;
      this.host.requestUpdate();
      o.key ??= newIdempotencyKey();
      try {
        await this.client().request('POST', '/v1/chat/offline-messages', {
          body: { email: o.email, text: o.text, consent: true, locale: this.localize.lang, ...(this.host.topic && { topic: this.host.topic }) },
          idempotencyKey: o.key,
        });
        Object.assign(o, { sent: true, email: '', text: '', key: undefined });
      } catch (error) {
        if (refusedPointers(error).includes('/email')) Object.assign(o, { refused: o.email, key: undefined });
        else o.error = error;
      }
      o.sending = false;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.offline-form [aria-invalid=true]')?.focus();
  }
}
