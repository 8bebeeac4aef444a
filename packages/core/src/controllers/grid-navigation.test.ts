import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expectAccessible } from '@civic-elements/core/testing';
import { addCalendarDays, addCalendarMonths } from './calendar-dates.js';
import { GridNavigationController, type GridNavigationOptions } from './grid-navigation.js';

const WEEKDAYS = [
  ['Mo', 'Montag'],
  ['Di', 'Dienstag'],
  ['Mi', 'Mittwoch'],
  ['Do', 'Donnerstag'],
  ['Fr', 'Freitag'],
  ['Sa', 'Samstag'],
  ['So', 'Sonntag'],
];

/** A month grid the way the appointment picker draws one: only the shown month's days are cells. */
class GridTestMonth extends LitElement {
  static override properties = { month: {}, selected: {}, disabledDays: { attribute: false } };
  static override styles = css`
    td {
      inline-size: 2.75rem;
      block-size: 2.75rem;
      text-align: center;
    }
  `;
  month = '2026-03';
  selected?: string;
  disabledDays = new Set<string>();
  minMonth = '2026-01';
  maxMonth = '2026-06';
  shown: string[] = [];
  moves: string[] = [];
  grid?: GridNavigationController;

  attach(options: Partial<GridNavigationOptions> = {}): this {
    this.grid = new GridNavigationController(this, {
      cells: () => [...this.renderRoot.querySelectorAll<HTMLElement>('td[data-date]')],
      showMonth: (date) => {
        const month = date.slice(0, 7);
        if (month < this.minMonth || month > this.maxMonth) return false;
        this.shown.push(month);
        this.month = month;
        return true;
      },
      onMove: (date) => this.moves.push(date),
      ...options,
    });
    return this;
  }

  private weeks(): (string | undefined)[][] {
    const first = `${this.month}-01`;
    const offset = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
    const days: (string | undefined)[] = Array.from({ length: offset }, () => undefined);
    for (let day = first; day.startsWith(this.month); day = addCalendarDays(day, 1)) days.push(day);
    const weeks: (string | undefined)[][] = [];
    for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
    return weeks;
  }

  override render() {
    const label = new Intl.DateTimeFormat('de', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${this.month}-01T00:00:00Z`),
    );
    return html`<h2 id="caption">${label}</h2>
      <table role="grid" aria-labelledby="caption">
        <thead>
          <tr>
            ${WEEKDAYS.map(([short, long]) => html`<th scope="col" abbr=${ifDefined(long)}>${short}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.weeks().map(
            (week) =>
              html`<tr>
                ${week.map((day) =>
                  day
                    ? html`<td
                        data-date=${day}
                        aria-selected=${ifDefined(day === this.selected ? 'true' : undefined)}
                        aria-disabled=${ifDefined(this.disabledDays.has(day) ? 'true' : undefined)}
                      >${Number(day.slice(8))}</td>`
                    : html`<td></td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>`;
  }
}
customElements.define('grid-test-month', GridTestMonth);

async function make(
  setup: { month?: string; selected?: string; disabled?: string[]; dir?: string } & Partial<GridNavigationOptions> = {},
): Promise<GridTestMonth> {
  const { month, selected, disabled, dir, ...options } = setup;
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${dir ?? 'ltr'}>
    <button type="button" id="before">Zurück</button>
  </div>`);
  const el = document.createElement('grid-test-month') as GridTestMonth;
  if (month) el.month = month;
  el.selected = selected;
  el.disabledDays = new Set(disabled);
  el.attach(options);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

const focusedDate = (el: GridTestMonth): string | undefined =>
  (el.shadowRoot?.activeElement as HTMLElement | null)?.dataset['date'];
const tabStops = (el: GridTestMonth): string[] =>
  [...(el.shadowRoot?.querySelectorAll<HTMLElement>('td[data-date]') ?? [])]
    .filter((td) => td.tabIndex === 0)
    .map((td) => td.dataset['date'] ?? '');
const heading = (el: GridTestMonth): string => el.shadowRoot?.querySelector('h2')?.textContent ?? '';

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) {
    const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
    if (modifier) await sendKeys({ down: modifier });
    await sendKeys({ press: name as string });
    if (modifier) await sendKeys({ up: modifier });
  }
}

async function focusOn(el: GridTestMonth, date: string): Promise<void> {
  await el.grid?.focusDate(date);
  expect(focusedDate(el)).to.equal(date);
}

describe('date helpers', () => {
  it('adds days across month and year ends, and months clamped to the shorter month', () => {
    expect(addCalendarDays('2026-03-31', 1)).to.equal('2026-04-01');
    expect(addCalendarDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addCalendarDays('2026-03-29', 1)).to.equal('2026-03-30'); // across the switch to summer time
    expect(addCalendarMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).to.equal('2028-02-29');
    expect(addCalendarMonths('2026-03-31', -1)).to.equal('2026-02-28');
    expect(addCalendarMonths('2026-12-15', 1)).to.equal('2027-01-15');
  });
});

describe('GridNavigationController', () => {
  it('keeps one tab stop on the selected day and passes axe', async () => {
    const el = await make({ selected: '2026-03-12' });
    expect(tabStops(el)).to.deep.equal(['2026-03-12']);
    (document.querySelector('#before') as HTMLElement).focus();
    await press('Tab');
    expect(focusedDate(el)).to.equal('2026-03-12');
    await expectAccessible(el, { state: 'table[role=grid]' });
  });

  it('without a selection starts on the first day that is not disabled', async () => {
    const el = await make({ disabled: ['2026-03-01', '2026-03-02'] });
    expect(tabStops(el)).to.deep.equal(['2026-03-03']);
  });

  it('moves a day with left/right and a week with up/down, keeping the keys from scrolling the page', async () => {
    const el = await make();
    const prevented: string[] = [];
    const record = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) prevented.push(e.key);
    };
    document.addEventListener('keydown', record);
    after(() => document.removeEventListener('keydown', record));
    await focusOn(el, '2026-03-10');
    await press('ArrowRight');
    expect(focusedDate(el)).to.equal('2026-03-11');
    await press('ArrowDown');
    expect(focusedDate(el)).to.equal('2026-03-18');
    await press('ArrowLeft');
    expect(focusedDate(el)).to.equal('2026-03-17');
    await press('ArrowUp');
    expect(focusedDate(el)).to.equal('2026-03-10');
    expect(tabStops(el)).to.deep.equal(['2026-03-10']);
    expect(el.moves).to.deep.equal(['2026-03-11', '2026-03-18', '2026-03-17', '2026-03-10']);
    await press('a');
    expect(prevented).to.deep.equal(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']);
  });

  it('mirrors left/right in right-to-left text', async () => {
    const el = await make({ dir: 'rtl' });
    await focusOn(el, '2026-03-10');
    await press('ArrowLeft');
    expect(focusedDate(el)).to.equal('2026-03-11');
    await press('ArrowRight', 'ArrowRight');
    expect(focusedDate(el)).to.equal('2026-03-09');
  });

  it('goes to the start and end of the week with Home and End, within the month', async () => {
    const el = await make();
    await focusOn(el, '2026-03-11');
    await press('Home');
    expect(focusedDate(el)).to.equal('2026-03-09');
    await press('End');
    expect(focusedDate(el)).to.equal('2026-03-15');
    await focusOn(el, '2026-03-31');
    await press('Home');
    expect(focusedDate(el)).to.equal('2026-03-30');
    await press('End');
    expect(focusedDate(el)).to.equal('2026-03-31');
    await focusOn(el, '2026-03-01'); // a Sunday: its week began in February
    await press('Home');
    expect(focusedDate(el)).to.equal('2026-03-01');
  });

  it('goes to the first and last day of the month with Ctrl+Home and Ctrl+End', async () => {
    const el = await make();
    await focusOn(el, '2026-03-18');
    await press('Control+End');
    expect(focusedDate(el)).to.equal('2026-03-31');
    await press('Control+Home');
    expect(focusedDate(el)).to.equal('2026-03-01');
  });

  it('changes month with PageUp/PageDown on the same day number or the nearest valid one', async () => {
    const el = await make({ month: '2026-01' });
    await focusOn(el, '2026-01-31');
    await press('PageDown');
    expect(heading(el)).to.equal('Februar 2026');
    expect(focusedDate(el)).to.equal('2026-02-28');
    await press('PageDown');
    expect(focusedDate(el)).to.equal('2026-03-28');
    await press('PageUp', 'PageUp');
    expect(focusedDate(el)).to.equal('2026-01-28');
    expect(el.shown).to.deep.equal(['2026-02', '2026-03', '2026-02', '2026-01']);
    expect(tabStops(el)).to.deep.equal(['2026-01-28']);
  });

  it('crosses into the next or previous month with the arrows', async () => {
    const el = await make();
    await focusOn(el, '2026-03-31');
    await press('ArrowRight');
    expect(heading(el)).to.equal('April 2026');
    expect(focusedDate(el)).to.equal('2026-04-01');
    await press('ArrowUp');
    expect(focusedDate(el)).to.equal('2026-03-25');
  });

  it('stays put when the host refuses a month outside the bookable range', async () => {
    const el = await make({ month: '2026-06' });
    await focusOn(el, '2026-06-15');
    await press('PageDown');
    expect(heading(el)).to.equal('Juni 2026');
    expect(focusedDate(el)).to.equal('2026-06-15');
    el.requestUpdate();
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal(['2026-06-15']);
    await press('Control+End', 'ArrowRight');
    expect(focusedDate(el)).to.equal('2026-06-30');
  });

  it('lands on aria-disabled days by default, so screen-reader users find them', async () => {
    const el = await make({ disabled: ['2026-03-11'] });
    await focusOn(el, '2026-03-10');
    await press('ArrowRight');
    expect(focusedDate(el)).to.equal('2026-03-11');
    expect(el.shadowRoot?.activeElement?.getAttribute('aria-disabled')).to.equal('true');
    await expectAccessible(el, { state: 'td[aria-disabled=true]' });
  });

  it('skips disabled days when skipDisabled is set', async () => {
    const el = await make({
      skipDisabled: true,
      disabled: ['2026-03-01', '2026-03-02', '2026-03-11', '2026-03-12', '2026-03-17', '2026-03-31'],
    });
    await focusOn(el, '2026-03-10');
    await press('ArrowRight');
    expect(focusedDate(el)).to.equal('2026-03-13');
    await press('ArrowLeft');
    expect(focusedDate(el)).to.equal('2026-03-10');
    await press('ArrowDown');
    expect(focusedDate(el)).to.equal('2026-03-24');
    await press('Control+Home');
    expect(focusedDate(el)).to.equal('2026-03-03');
    await press('Control+End');
    expect(focusedDate(el)).to.equal('2026-03-30');
  });

  it('with skipDisabled, lands on the nearest enabled day of a new month', async () => {
    const el = await make({ month: '2026-01', skipDisabled: true, disabled: ['2026-02-27', '2026-02-28'] });
    await focusOn(el, '2026-01-28');
    await press('PageDown');
    expect(focusedDate(el)).to.equal('2026-02-26');
  });

  it('uses the host\'s data for disabled days in months not shown yet', async () => {
    const el = await make({
      skipDisabled: true,
      isDisabled: (date) => ['2026-04-01', '2026-04-02', '2026-04-03'].includes(date),
    });
    await focusOn(el, '2026-03-31');
    await press('ArrowRight');
    expect(focusedDate(el)).to.equal('2026-04-04');
  });

  it('moves the tab stop to a sensible day when the host shows another month by itself', async () => {
    const el = await make({ selected: '2026-04-20' });
    await focusOn(el, '2026-03-10');
    el.month = '2026-04';
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal(['2026-04-20']);
    el.month = '2026-05';
    el.disabledDays = new Set(['2026-05-01']);
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal(['2026-05-02']);
  });

  it('follows focus that arrives by mouse or script', async () => {
    const el = await make();
    (el.shadowRoot?.querySelector('td[data-date="2026-03-20"]') as HTMLElement).focus();
    expect(tabStops(el)).to.deep.equal(['2026-03-20']);
    await press('ArrowRight');
    expect(focusedDate(el)).to.equal('2026-03-21');
  });
});
