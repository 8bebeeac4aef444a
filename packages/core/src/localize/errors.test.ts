import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { expectAccessible } from '@civic-elements/core/testing';
import { LocalizeController } from './localize-controller.js';
import { loadStrings, registerStrings } from './strings.js';
import { errorMessage } from './errors.js';

registerStrings('test-errors', {
  de: { errors: { slot_taken: 'Dieser Termin wurde gerade vergeben.' } },
  en: { errors: { slot_taken: 'This slot was just taken.' } },
});

/** Shows an error the way a widget does: a heading and the message in an alert. */
class TestError extends LitElement {
  readonly localize = new LocalizeController(this, { ns: 'test-errors' });
  error: unknown;
  protected override render() {
    return html`<section aria-labelledby="h"><h2 id="h">Termin</h2><p role="alert">${errorMessage(this.localize.t, this.error)}</p></section>`;
  }
}
customElements.define('test-error', TestError);

/** Shaped like the API client's CivicApiError: message and detail are for developers only. */
const apiError = (code: string, extra: object = {}) =>
  Object.assign(new Error(`GET /v1/cases/{id} failed: ${code}`), { code, detail: 'Max Mustermann, secret', ...extra });

async function show(error: unknown, lang = 'de'): Promise<string> {
  const el = await fixture<TestError>(html`<test-error lang=${lang} .error=${error}></test-error>`);
  await expectAccessible(el, { state: '[role="alert"]' });
  return el.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
}

describe('errorMessage', () => {
  // Core's English texts load on demand (a widget keeps German until they are there); load them
  // first so `show(…, 'en')` reads English at once.
  before(async () => {
    await fixture(html`<test-error></test-error>`);
    await loadStrings('core', 'en');
  });

  it('maps each client code to its localised message, never to the error’s own text', async () => {
    const network = await show(apiError('network'));
    expect(network).to.contain('Keine Verbindung');
    expect(network).not.to.contain('Mustermann');
    expect(network).not.to.contain('GET');
    expect(await show(apiError('timeout'), 'en')).to.equal('The server did not answer in time. Please try again.');
    expect(await show(apiError('malformed_response'))).to.contain('unerwartete Antwort');
    expect(await show(apiError('schema_mismatch'), 'en')).to.contain('does not match this version');
    expect(await show(apiError('origin_refused'))).to.contain('nicht richtig eingerichtet');
  });

  it('says how long to wait when rate limited, with plurals', async () => {
    expect(await show(apiError('rate_limited', { retryAfterSeconds: 1 }))).to.contain('in 1 Sekunde erneut');
    expect(await show(apiError('rate_limited', { retryAfterSeconds: 29.2 }))).to.contain('in 30 Sekunden erneut');
    expect(await show(apiError('rate_limited', { retryAfterSeconds: 1 }), 'en')).to.contain('in 1 second.');
    expect(await show(apiError('rate_limited'), 'en')).to.contain('wait a moment');
  });

  it('maps bare HTTP statuses and unknown or hostile codes', async () => {
    expect(await show(apiError('http_503'))).to.contain('nicht erreichbar');
    expect(await show(apiError('http_500'), 'en')).to.contain('went wrong on the server');
    expect(await show(apiError('http_418'), 'en')).to.equal('Something unexpected went wrong. Please try again later.');
    expect(await show(apiError('no_such_code'), 'en')).to.contain('Something unexpected');
    expect(await show(apiError('constructor'), 'en')).to.contain('Something unexpected');
    expect(await show(apiError('errors.network'), 'en')).to.contain('Something unexpected');
    expect(await show('a string thrown', 'en')).to.contain('Something unexpected');
    expect(await show(undefined)).to.contain('unerwarteter Fehler');
  });

  it('uses a widget’s own message for its own codes', async () => {
    expect(await show(apiError('slot_taken'))).to.equal('Dieser Termin wurde gerade vergeben.');
    expect(await show(apiError('slot_taken'), 'en')).to.equal('This slot was just taken.');
  });
});
