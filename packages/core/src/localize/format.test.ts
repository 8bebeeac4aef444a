import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { expectAccessible } from '@civic-elements/core/testing';
import { LocalizeController } from './localize-controller.js';
import { formatDateTimeIn, formatListIn, formatNumberIn, formatRelativeIn } from './format.js';

// 09:30 UTC on a winter day: 10:30 in Berlin (CET), 18:30 in Tokyo, 04:30 in New York.
const START = '2026-01-15T09:30:00Z';

/** Shows an appointment's time in the location's zone, as a widget would. */
class TestSlot extends LitElement {
  readonly localize = new LocalizeController(this);
  timeZone = 'Europe/Berlin';
  protected override render() {
    const l = this.localize;
    return html`<article lang=${l.lang} aria-labelledby="h">
      <h2 id="h">${l.formatDate(START, { timeZone: this.timeZone })}</h2>
      <p><time datetime=${START}>${l.formatTime(START, { timeZone: this.timeZone })}</time></p>
      <p>${l.formatCurrency(37, 'EUR')}</p>
    </article>`;
  }
}
customElements.define('test-slot', TestSlot);

describe('Intl formatting', () => {
  it('renders an appointment in the location’s time zone, whatever the device’s', async () => {
    const el = await fixture<TestSlot>(html`<test-slot lang="de"></test-slot>`);
    const shadow = el.shadowRoot!;
    expect(shadow.querySelector('h2')!.textContent).to.equal('15. Januar 2026');
    expect(shadow.querySelector('time')!.textContent).to.equal('10:30');
    expect(shadow.querySelector('p:last-child')!.textContent).to.equal('37,00\u00a0€');
    await expectAccessible(el, { state: 'h2' });

    el.timeZone = 'Asia/Tokyo';
    el.requestUpdate();
    await el.updateComplete;
    expect(shadow.querySelector('time')!.textContent).to.equal('18:30');
  });

  it('an explicit zone changes the hour; the language changes the format', () => {
    const berlin = formatDateTimeIn('de', START, { timeZone: 'Europe/Berlin' }, { timeStyle: 'short' });
    const newYork = formatDateTimeIn('de', START, { timeZone: 'America/New_York' }, { timeStyle: 'short' });
    expect(berlin).to.equal('10:30');
    expect(newYork).to.equal('04:30');
    expect(formatDateTimeIn('en-US', START, { timeZone: 'Europe/Berlin' }, { timeStyle: 'short' })).to.match(/^10:30\sAM$/);
    expect(formatDateTimeIn('de', new Date(START), { timeZone: 'Europe/Berlin' }, { dateStyle: 'long', timeStyle: 'short' })).to.equal(
      '15. Januar 2026 um 10:30',
    );
  });

  it('uses the caller’s fields instead of the default style', () => {
    const weekday = formatDateTimeIn('de', Date.parse(START), { timeZone: 'Europe/Berlin', weekday: 'long' }, { dateStyle: 'long' });
    expect(weekday).to.equal('Donnerstag');
  });

  it('formats numbers, relative times and lists in the language', () => {
    expect(formatNumberIn('de', 1234.5)).to.equal('1.234,5');
    expect(formatNumberIn('en', 1234.5)).to.equal('1,234.5');
    expect(formatRelativeIn('de', -1, 'day')).to.equal('gestern');
    expect(formatRelativeIn('en', 5, 'minute')).to.equal('in 5 minutes');
    expect(formatListIn('de', ['Personalausweis', 'Reisepass', 'Führerschein'])).to.equal('Personalausweis, Reisepass und Führerschein');
    expect(formatListIn('en', ['ID card', 'passport'], { type: 'disjunction' })).to.equal('ID card or passport');
  });

  it('builds each formatter once per language and options', () => {
    const Original = Intl.DateTimeFormat;
    let made = 0;
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made++;
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = Counting;
    try {
      const options = { timeZone: 'Pacific/Auckland' };
      formatDateTimeIn('de', START, options, { timeStyle: 'short' });
      formatDateTimeIn('de', START, { timeZone: 'Pacific/Auckland' }, { timeStyle: 'short' });
      expect(made).to.equal(1);
      formatDateTimeIn('en', START, options, { timeStyle: 'short' });
      expect(made).to.equal(2);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
