import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { expectAccessible } from '@civic-elements/core/testing';
import { RovingTabindexController, type RovingTabindexOptions } from './roving-tabindex.js';

interface Item {
  label: string;
  disabled?: boolean;
  ariaDisabled?: boolean;
  pressed?: boolean;
}

/** A toolbar of toggle buttons; the test attaches the controller with the options it needs. */
class RovingTestToolbar extends LitElement {
  static override properties = { items: { attribute: false }, orientation: {} };
  static override styles = css`
    button {
      min-block-size: 2.75rem;
      min-inline-size: 2.75rem;
    }
  `;
  items: Item[] = ['Liste', 'Karte', 'Kalender', 'Tabelle'].map((label) => ({ label }));
  orientation: 'horizontal' | 'vertical' = 'horizontal';
  rover?: RovingTabindexController;
  moves: string[] = [];

  attach(options: Partial<RovingTabindexOptions> = {}): this {
    this.rover = new RovingTabindexController(this, {
      items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('button')],
      orientation: this.orientation,
      onMove: (item) => this.moves.push(item.textContent ?? ''),
      ...options,
    });
    return this;
  }

  override render() {
    return html`<div role="toolbar" aria-label="Ansicht" aria-orientation=${this.orientation}>
      ${repeat(
        this.items,
        (item) => item.label,
        (item) =>
          html`<button
            type="button"
            aria-pressed=${item.pressed ? 'true' : 'false'}
            aria-disabled=${ifDefined(item.ariaDisabled ? 'true' : undefined)}
            ?disabled=${item.disabled}
          >${item.label}</button>`,
      )}
    </div>`;
  }
}
customElements.define('roving-test-toolbar', RovingTestToolbar);

async function make(
  options: Partial<RovingTabindexOptions> & { content?: Item[]; orientation?: 'horizontal' | 'vertical'; dir?: string } = {},
): Promise<RovingTestToolbar> {
  const wrapper = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'}>
    <button type="button" id="before">Vorher</button>
    <button type="button" id="after">Nachher</button>
  </div>`);
  const { content, dir: _dir, ...controllerOptions } = options;
  const el = document.createElement('roving-test-toolbar') as RovingTestToolbar;
  if (content) el.items = content;
  if (options.orientation) el.orientation = options.orientation;
  el.attach(controllerOptions);
  wrapper.insertBefore(el, wrapper.querySelector('#after'));
  await el.updateComplete;
  return el;
}

const focused = (el: RovingTestToolbar): string => el.shadowRoot?.activeElement?.textContent ?? '';
const tabindexes = (el: RovingTestToolbar): number[] =>
  [...(el.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.tabIndex);

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) {
    const [modifier, name] = key.includes('+') ? key.split('+') : [undefined, key];
    if (modifier) await sendKeys({ down: modifier });
    await sendKeys({ press: name as string });
    if (modifier) await sendKeys({ up: modifier });
  }
}

describe('RovingTabindexController', () => {
  it('makes the group a single tab stop and passes axe', async () => {
    const el = await make();
    expect(tabindexes(el)).to.deep.equal([0, -1, -1, -1]);
    (document.querySelector('#before') as HTMLElement).focus();
    await press('Tab');
    expect(focused(el)).to.equal('Liste');
    await press('Tab');
    expect(document.activeElement?.id).to.equal('after');
    await expectAccessible(el, { state: '[role=toolbar]' });
  });

  it('starts on the pressed/selected item', async () => {
    const el = await make({ content: [{ label: 'A' }, { label: 'B', pressed: true }, { label: 'C' }] });
    expect(tabindexes(el)).to.deep.equal([-1, 0, -1]);
  });

  it('moves with left/right in a horizontal group; up/down do nothing', async () => {
    const el = await make();
    el.rover?.focusItem(el.rover.activeItem as HTMLElement);
    await press('ArrowRight', 'ArrowRight');
    expect(focused(el)).to.equal('Kalender');
    expect(tabindexes(el)).to.deep.equal([-1, -1, 0, -1]);
    await press('ArrowLeft');
    expect(focused(el)).to.equal('Karte');
    await press('ArrowDown');
    expect(focused(el)).to.equal('Karte');
    expect(el.moves).to.deep.equal(['Karte', 'Kalender', 'Karte']);
  });

  it('mirrors left/right in right-to-left text', async () => {
    const el = await make({ dir: 'rtl' });
    el.rover?.focusItem(el.rover.activeItem as HTMLElement);
    await press('ArrowLeft');
    expect(focused(el)).to.equal('Karte');
    await press('ArrowRight');
    expect(focused(el)).to.equal('Liste');
  });

  it('moves with up/down in a vertical group; left/right do nothing', async () => {
    const el = await make({ orientation: 'vertical' });
    el.rover?.focusItem(el.rover.activeItem as HTMLElement);
    await press('ArrowDown');
    expect(focused(el)).to.equal('Karte');
    await press('ArrowRight');
    expect(focused(el)).to.equal('Karte');
    await press('ArrowUp');
    expect(focused(el)).to.equal('Liste');
    await expectAccessible(el, { state: '[aria-orientation=vertical]' });
  });

  it('goes to the first and last item with Home and End, keeping the keys from scrolling the page', async () => {
    const el = await make();
    const prevented: string[] = [];
    const record = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) prevented.push(e.key);
    };
    document.addEventListener('keydown', record);
    after(() => document.removeEventListener('keydown', record));
    el.rover?.focusItem(el.rover.activeItem as HTMLElement);
    await press('End');
    expect(focused(el)).to.equal('Tabelle');
    await press('Home');
    expect(focused(el)).to.equal('Liste');
    await press('x');
    expect(prevented).to.deep.equal(['End', 'Home']);
  });

  it('stops at the ends without wrap and wraps around with wrap', async () => {
    const stopping = await make();
    stopping.rover?.focusItem(stopping.rover.activeItem as HTMLElement);
    await press('ArrowLeft');
    expect(focused(stopping)).to.equal('Liste');
    await press('End', 'ArrowRight');
    expect(focused(stopping)).to.equal('Tabelle');

    const wrapping = await make({ wrap: true });
    wrapping.rover?.focusItem(wrapping.rover.activeItem as HTMLElement);
    await press('ArrowLeft');
    expect(focused(wrapping)).to.equal('Tabelle');
    await press('ArrowRight');
    expect(focused(wrapping)).to.equal('Liste');
  });

  it('skips natively disabled items but lands on aria-disabled ones', async () => {
    const el = await make({
      content: [{ label: 'A' }, { label: 'B', disabled: true }, { label: 'C', ariaDisabled: true }, { label: 'D' }],
    });
    el.rover?.focusItem(el.rover.activeItem as HTMLElement);
    await press('ArrowRight');
    expect(focused(el)).to.equal('C');
    await press('ArrowLeft');
    expect(focused(el)).to.equal('A');
  });

  it('keeps tabindex=0 on the active item after a re-render, and moves it to a neighbour when it goes', async () => {
    const el = await make();
    el.rover?.focusItem(el.rover.activeItem as HTMLElement);
    await press('ArrowRight', 'ArrowRight');
    el.items = [{ label: 'Neu' }, ...el.items];
    await el.updateComplete;
    expect(tabindexes(el)).to.deep.equal([-1, -1, -1, 0, -1]);
    expect(el.rover?.activeItem?.textContent).to.equal('Kalender');
    el.items = el.items.filter((item) => item.label !== 'Kalender');
    await el.updateComplete;
    expect(tabindexes(el)).to.deep.equal([-1, -1, -1, 0]);
    expect(el.rover?.activeItem?.textContent).to.equal('Tabelle');
  });

  it('follows focus that arrives by mouse or script', async () => {
    const el = await make();
    el.shadowRoot?.querySelectorAll('button')[2]?.focus();
    expect(tabindexes(el)).to.deep.equal([-1, -1, 0, -1]);
    await press('ArrowRight');
    expect(focused(el)).to.equal('Tabelle');
  });

  it('leaves modified arrow keys alone', async () => {
    const el = await make();
    el.rover?.focusItem(el.rover.activeItem as HTMLElement);
    await press('Shift+ArrowRight', 'Control+ArrowRight');
    expect(focused(el)).to.equal('Liste');
  });
});
