import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, chat, cleanup, mockChat } from '../testing/fixture.js';

/**
 * A page like the demo's queue page at 360 px: a long table of numbers with a link in each row,
 * little content after it, and the chat launcher at the end of <body>. WCAG 2.4.11 (Focus Not
 * Obscured): no focused element may end up under the floating launcher.
 */
function page(): HTMLElement {
  const main = document.createElement('main');
  render(
    html`<h1>Wartenummer</h1>
      <p class="tall">Text</p>
      <table>
        <caption>Aufrufe</caption>
        <thead><tr><th>Nummer</th><th>Schalter</th></tr></thead>
        <tbody>
          ${Array.from({ length: 25 }, (_, i) => html`<tr><td>A${100 + i}</td><td><a href="#s${i}">Schalter ${i + 1}</a></td></tr>`)}
        </tbody>
      </table>`,
    main,
  );
  main.querySelector<HTMLElement>('.tall')!.style.blockSize = '300px';
  document.body.prepend(main);
  return main;
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('<civic-chat> launcher on a narrow page (360 px)', () => {
  let mock: MockWorker;
  let main: HTMLElement;
  before(async () => {
    mock = await mockChat();
    await setViewport({ width: 360, height: 640 });
  });
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => {
    main = page();
    window.scrollTo(0, 0);
  });
  afterEach(() => {
    main.remove();
    cleanup(mock);
  });

  it('keeps the end of the page free: scrolled to the bottom, the last row is above the launcher', async () => {
    const { el } = await chat();
    const launcher = $(el, 'button.launcher')!;
    window.scrollTo(0, document.scrollingElement!.scrollHeight);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const last = main.querySelector('tbody tr:last-child')!.getBoundingClientRect();
    expect(overlaps(last, launcher.getBoundingClientRect()), 'last row under the launcher').to.equal(false);
    const strip = $(el, '.reserve')!.getBoundingClientRect().height;
    expect(strip).to.be.at.least(launcher.getBoundingClientRect().height);
    await expectAccessible(el, { state: 'button.launcher' });
  });

  it('scrolls every focused link of the table above the launcher, tabbing forward (WCAG 2.4.11)', async () => {
    const { el } = await chat();
    await waitUntil(() => getComputedStyle(document.documentElement).scrollPaddingBlockEnd !== 'auto', 'scroll padding set');
    const launcher = $(el, 'button.launcher')!;
    const links = [...main.querySelectorAll('a')];
    main.querySelector('h1')!.setAttribute('tabindex', '-1');
    main.querySelector('h1')!.focus();
    const covered: string[] = [];
    for (const link of links) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(link);
      if (overlaps(link.getBoundingClientRect(), launcher.getBoundingClientRect())) covered.push(link.textContent!);
    }
    expect(covered, 'links under the launcher when focused').to.deep.equal([]);
    expect(parseFloat(getComputedStyle(document.documentElement).scrollPaddingBlockEnd)).to.be.at.least(
      launcher.getBoundingClientRect().height,
    );
  });

  it('--civic-chat-reserve: none switches the strip and the scroll padding off; removing the element removes its rule', async () => {
    const { el } = await chat();
    await waitUntil(() => getComputedStyle(document.documentElement).scrollPaddingBlockEnd !== 'auto', 'scroll padding set');
    el.style.setProperty('--civic-chat-reserve', 'none');
    await waitUntil(() => getComputedStyle(document.documentElement).scrollPaddingBlockEnd === 'auto', 'scroll padding off');
    expect($(el, '.reserve')!.getBoundingClientRect().height).to.equal(0);
    el.style.removeProperty('--civic-chat-reserve');
    await waitUntil(() => getComputedStyle(document.documentElement).scrollPaddingBlockEnd !== 'auto', 'back on');
    el.remove();
    expect(getComputedStyle(document.documentElement).scrollPaddingBlockEnd).to.equal('auto');
  });

  it('inline mode reserves nothing', async () => {
    const { el } = await chat({ mode: 'inline' });
    await el.updateComplete;
    expect($(el, '.reserve')!.getBoundingClientRect().height).to.equal(0);
    expect(getComputedStyle(document.documentElement).scrollPaddingBlockEnd).to.equal('auto');
  });
});
