// The case overview below the heading is its own chunk: while it loads the case shows its title and
// a status; when it cannot load, a connection error with retry and the editor's fallback content.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { expectAccessible } from '@civic-elements/core/testing';
import { API, TestClock, caseShown, grant, instantSleep, mockApi, q, resetMock, text } from '../testing/fixtures.js';
import type { CivicStatusTracker } from './status-tracker.component.js';

type Loader = CivicStatusTracker['loadCaseView'];

async function open(loadCaseView: Loader): Promise<CivicStatusTracker> {
  const m = await mockApi();
  const token = grant(m, 'c-4715');
  return fixture<CivicStatusTracker>(html`<civic-status-tracker
    api-base=${API}
    lang="de"
    case="c-4715"
    token=${token}
    .timing=${{ sleep: instantSleep, clock: new TestClock() }}
    .loadCaseView=${loadCaseView}
    ><p class="editor-fallback">Auskunft: <a href="tel:+4912345670">01234 5670</a></p></civic-status-tracker
  >`);
}

const STATE = 'article[part~=case] h2';
const active = (el: CivicStatusTracker) => el.shadowRoot!.activeElement;

describe('<civic-status-tracker> overview loading', () => {
  before(mockApi);
  afterEach(resetMock);

  it('fetches the overview when the citizen starts on the lookup form, not before', async () => {
    let calls = 0;
    const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker
      api-base=${API}
      lang="de"
      .timing=${{ sleep: instantSleep, clock: new TestClock() }}
      .loadCaseView=${() => (calls++, import('./case-view.js'))}
    ></civic-status-tracker>`);
    await waitUntil(() => q(el, 'form[part=form]'), 'lookup form');
    expect(calls).to.equal(0);
    q<HTMLInputElement>(el, '#reference')!.focus();
    await waitUntil(() => calls === 1, 'fetched on focus');
    q<HTMLInputElement>(el, '#factor')!.focus();
    expect(calls).to.equal(1);
  });

  it('shows the case title and a status while the overview loads, keeping focus on the title', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const el = await open(async () => {
      calls++;
      await held;
      return import('./case-view.js');
    });
    await waitUntil(() => q(el, 'article[part~=case][aria-busy=true]'), 'overview loading');
    expect(text(q(el, 'h2'))).to.equal('Antrag auf einen Personalausweis');
    expect(text(q(el, 'article [role=status]'))).to.equal('Antrag wird geladen …');
    expect(q(el, '[part~=status]')).to.equal(null);
    await waitUntil(() => active(el)?.id === 'title', 'focus on the case title');
    await expectAccessible(el, { state: STATE });
    release();
    await caseShown(el);
    expect(text(q(el, '.status-label'))).to.not.equal('');
    expect(active(el)?.id).to.equal('title');
    expect(calls).to.equal(1);
  });

  it('says the connection failed, shows the fallback content and loads again on retry', async () => {
    let calls = 0;
    // The load starts with the case request and again when the case arrives: both fail here.
    const el = await open(() => (++calls <= 2 ? Promise.reject(new TypeError('Failed to fetch')) : import('./case-view.js')));
    await waitUntil(() => q(el, 'article [role=alert]'), 'load error');
    expect(text(q(el, 'article [role=alert]'))).to.include('Keine Verbindung zum Server');
    expect(q(el, 'article .fallback slot')).to.not.equal(null);
    await expectAccessible(el, { state: STATE });
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('article [role=alert] button')].find((b) => text(b) === 'Erneut versuchen')!.click();
    await caseShown(el);
    expect(q(el, 'article [role=alert]')).to.equal(null);
    expect(calls).to.equal(3);
  });
});
