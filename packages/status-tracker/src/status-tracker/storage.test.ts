import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import { caseShown, grant, lookup, mockApi, mount, q, resetMock, text } from '../testing/fixtures.js';
import { STORAGE_KEY } from './case-data.js';

async function storageSnapshot() {
  const databases = await indexedDB.databases();
  return {
    cookies: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDB: databases.map((d) => d.name),
  };
}

const EMPTY = { cookies: '', local: [], session: [], indexedDB: [] };

describe('<civic-status-tracker> remember on this device', () => {
  before(mockApi);
  afterEach(() => {
    localStorage.clear();
    resetMock();
  });

  it('stores nothing anywhere after a full flow without the opt-in', async () => {
    expect(await storageSnapshot()).to.deep.equal(EMPTY);
    const m = await mockApi();
    const { el } = await mount();
    await lookup(el, 'MS-2026-004712', '01.07.1990');
    await caseShown(el);
    const requested = oneEvent(el, 'civic-request-appointment');
    q<HTMLButtonElement>(el, 'button[part~=pickup]')!.click();
    await requested;
    m.api.state.cases.update('c-4712', { status: { code: 'completed', label: 'Abgeschlossen' } });
    await waitUntil(() => text(q(el, '.status-label')) === 'Abgeschlossen', 'live update');
    q<HTMLButtonElement>(el, '.remember .row button')!.click();
    await waitUntil(() => q(el, 'form[part=form]'), 'back to the form');
    expect(await storageSnapshot()).to.deep.equal(EMPTY);
  });

  it('stores only caseId and token after the opt-in, reopens from it, and forgets on request', async () => {
    const { el } = await mount();
    await lookup(el, 'MS-2026-004711', '12.03.1984');
    await caseShown(el);
    const box = q<HTMLInputElement>(el, '#remember')!;
    expect(box.checked).to.equal(false);
    expect(text(q(el, '.remember label'))).to.equal('Diesen Antrag auf diesem Gerät merken');
    box.click();
    await el.updateComplete;
    const snapshot = await storageSnapshot();
    expect(snapshot).to.deep.equal({ ...EMPTY, local: [STORAGE_KEY] });
    const entry = JSON.parse(localStorage.getItem(STORAGE_KEY)!) as Record<string, string>;
    expect(Object.keys(entry)).to.deep.equal(['caseId', 'token']);
    expect(entry.caseId).to.equal('c-4711');
    expect(entry.token).to.match(/^cat_/);
    expect(JSON.stringify(entry)).not.to.contain('004711');
    expect(JSON.stringify(entry)).not.to.contain('1984');
    el.remove();

    // The next visit opens the remembered case directly.
    const { el: again } = await mount();
    await caseShown(again);
    expect(text(q(again, 'h2'))).to.equal('Antrag auf Wohngeld');
    expect(q<HTMLInputElement>(again, '#remember')!.checked).to.equal(true);
    const forget = q<HTMLButtonElement>(again, '.remember .row button')!;
    expect(text(forget)).to.equal('Auf diesem Gerät vergessen');
    await expectAccessible(again, { state: '.remember' });
    forget.click();
    await waitUntil(() => text(again.shadowRoot!.querySelector('[data-civic-live=polite]')) !== '', 'announced');
    expect(text(again.shadowRoot!.querySelector('[data-civic-live=polite]'))).to.equal(
      'Der Antrag ist auf diesem Gerät nicht mehr gespeichert.',
    );
    expect(await storageSnapshot()).to.deep.equal(EMPTY);
    expect(q<HTMLInputElement>(again, '#remember')!.checked).to.equal(false);
  });

  it('unticking the box removes the entry too', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    const { el } = await mount({ caseId: 'c-4715', token });
    await caseShown(el);
    q<HTMLInputElement>(el, '#remember')!.click();
    expect(Object.keys(localStorage)).to.deep.equal([STORAGE_KEY]);
    q<HTMLInputElement>(el, '#remember')!.click();
    expect(Object.keys(localStorage)).to.deep.equal([]);
  });

  it('drops a remembered entry whose token no longer works and asks again', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ caseId: 'c-4711', token: 'cat_expired_0123456789abcdef' }));
    const { el } = await mount();
    await waitUntil(() => q(el, 'form [role=alert]'), 'asks again');
    expect(Object.keys(localStorage)).to.deep.equal([]);
  });
});
