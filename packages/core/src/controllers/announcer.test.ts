import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { expectAccessible } from '@civic-elements/core/testing';
import { baseStyles } from '../styles/tokens.js';
import { AnnouncerController } from './announcer.js';

/** Frames run only when the test says so. */
class ManualFrames {
  private queue: (() => void)[] = [];
  readonly nextFrame = (callback: () => void): void => {
    this.queue.push(callback);
  };
  flush(): void {
    const due = this.queue.splice(0);
    due.forEach((callback) => callback());
  }
}

let frames = new ManualFrames();

class TestAnnouncing extends LitElement {
  static override styles = baseStyles;
  showRegions = true;
  readonly announcer = new AnnouncerController(this, { nextFrame: (cb) => frames.nextFrame(cb) });
  protected override render() {
    return html`<section aria-labelledby="h"><h2 id="h">Warteschlange</h2>${this.showRegions ? this.announcer.render() : ''}</section>`;
  }
}
customElements.define('test-announcing', TestAnnouncing);

const region = (el: Element, kind: 'polite' | 'assertive') => el.shadowRoot!.querySelector(`[aria-live="${kind}"]`)!;

describe('AnnouncerController', () => {
  beforeEach(() => {
    frames = new ManualFrames();
  });

  it('renders empty, visually hidden, atomic polite and assertive regions before anything is announced', async () => {
    const el = await fixture<TestAnnouncing>(html`<test-announcing></test-announcing>`);
    for (const kind of ['polite', 'assertive'] as const) {
      const r = region(el, kind);
      expect(r.textContent).to.equal('');
      expect(r.getAttribute('aria-atomic')).to.equal('true');
      expect(getComputedStyle(r).position).to.equal('absolute');
      expect(r.getBoundingClientRect().width).to.be.at.most(1);
    }
    await expectAccessible(el, { state: 'h2' });
  });

  it('puts the text into the polite region in the next frame', async () => {
    const el = await fixture<TestAnnouncing>(html`<test-announcing></test-announcing>`);
    el.announcer.announce('Noch 3 Personen vor Ihnen');
    expect(region(el, 'polite').textContent).to.equal('');
    frames.flush();
    expect(region(el, 'polite').textContent).to.equal('Noch 3 Personen vor Ihnen');
    expect(region(el, 'assertive').textContent).to.equal('');
    await expectAccessible(el, { state: 'h2' });
  });

  it('announces identical text again: clears the region, then sets it in the next frame', async () => {
    const el = await fixture<TestAnnouncing>(html`<test-announcing></test-announcing>`);
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region(el, 'polite').textContent ?? ''));
    observer.observe(region(el, 'polite'), { childList: true, characterData: true, subtree: true });
    el.announcer.announce('Sie sind dran');
    frames.flush();
    await Promise.resolve();
    el.announcer.announce('Sie sind dran');
    await Promise.resolve();
    expect(region(el, 'polite').textContent).to.equal('');
    frames.flush();
    await Promise.resolve();
    observer.disconnect();
    expect(region(el, 'polite').textContent).to.equal('Sie sind dran');
    expect(seen).to.deep.equal(['Sie sind dran', '', 'Sie sind dran']);
  });

  it('uses the assertive region when asked, and the last text within a frame wins', async () => {
    const el = await fixture<TestAnnouncing>(html`<test-announcing></test-announcing>`);
    el.announcer.announce('Verbindung verloren', { assertive: true });
    el.announcer.announce('Verbindung wieder da', { assertive: true });
    frames.flush();
    expect(region(el, 'assertive').textContent).to.equal('Verbindung wieder da');
    expect(region(el, 'polite').textContent).to.equal('');
    await expectAccessible(el, { state: 'h2' });
  });

  it('waits for the first render when announcing before it', async () => {
    const el = document.createElement('test-announcing') as TestAnnouncing;
    el.announcer.announce('Willkommen');
    document.body.append(el);
    try {
      await el.updateComplete;
      await Promise.resolve();
      frames.flush();
      expect(region(el, 'polite').textContent).to.equal('Willkommen');
      await expectAccessible(el, { state: 'h2' });
    } finally {
      el.remove();
    }
  });

  it('warns once, without the text, when the widget never renders the regions', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => String(args[0]).startsWith('[civic-elements]') && warnings.push(args);
    try {
      const el = document.createElement('test-announcing') as TestAnnouncing;
      el.showRegions = false;
      document.body.append(el);
      await el.updateComplete;
      el.announcer.announce('Ihre Nummer: A-17');
      el.announcer.announce('Ihre Nummer: A-18');
      await el.updateComplete;
      await Promise.resolve();
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).not.to.contain('A-1');
      await expectAccessible(el, { state: 'h2' });
      el.remove();
    } finally {
      console.warn = warn;
    }
  });
});
