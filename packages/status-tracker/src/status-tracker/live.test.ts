import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import { caseShown, grant, mockApi, mount, q, resetMock, seen, text } from '../testing/fixtures.js';

const streamRequests = () => seen.filter((s) => s.url.endsWith('/v1/cases/c-4715/events'));
const caseRequests = () => seen.filter((s) => s.url.endsWith('/v1/cases/c-4715'));
const live = (el: Element) => text(el.shadowRoot!.querySelector('[data-civic-live=polite]'));

async function openLive(lang = 'de') {
  const m = await mockApi();
  const token = grant(m, 'c-4715');
  const { el, clock } = await mount({ caseId: 'c-4715', token, lang });
  await caseShown(el);
  await waitUntil(() => text(q(el, '.live-state')).startsWith(lang === 'de' ? 'Diese Seite aktualisiert sich' : 'This page updates'), 'stream connected');
  return { m, el, clock };
}

describe('<civic-status-tracker> live updates', () => {
  before(mockApi);
  afterEach(resetMock);

  it('announces and highlights a status change pushed through the event stream', async () => {
    const { m, el } = await openLive();
    const stream = streamRequests()[0]!;
    // Resumes from the revision it loaded, so the server sends no snapshot first.
    expect(new Map(stream.headers).get('last-event-id')).to.equal(String(m.api.state.cases.cases.get('c-4715')!.revision));
    expect(new Map(stream.headers).get('authorization')).to.match(/^Bearer cat_test_/);
    expect(q(el, '[part~=status]')!.classList.contains('changed')).to.equal(false);

    const updated = oneEvent(el, 'civic-case-updated');
    m.api.state.cases.update('c-4715', { status: { code: 'ready_for_pickup', label: 'Abholbereit' } });
    expect((await updated).detail).to.deep.equal({ statusCode: 'ready_for_pickup' });
    await waitUntil(() => live(el) === 'Neuer Stand: Abholbereit', 'announced');
    expect(text(q(el, '.status-label'))).to.equal('Abholbereit');
    expect(q(el, '[part~=status]')!.classList.contains('changed')).to.equal(true);
    // Only the stream carried it: no extra GET of the case.
    expect(caseRequests().length).to.equal(1);
    await expectAccessible(el, { state: '[part~=status].changed' });
  });

  it('resumes a dropped stream with Last-Event-ID and keeps announcing', async () => {
    const { m, el, clock } = await openLive('en');
    m.api.faults.set({ dropStreams: 1 });
    await waitUntil(() => text(q(el, '.live-state')).startsWith('Connection lost'), 'drop shown');
    await expectAccessible(el, { state: '.live-state' });
    m.api.faults.clear();
    m.api.state.cases.update('c-4715', { history: { title: 'Missed while offline' } });
    const revision = m.api.state.cases.cases.get('c-4715')!.revision;
    // The refused reconnect, then a successful one (timers run on the test clock only).
    for (let i = 0; i < 5 && streamRequests().length < 3; i++) {
      clock.advance(60_000);
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitUntil(() => text(q(el, '.live-state')).startsWith('This page updates'), 'reconnected');
    const headers = streamRequests().map((s) => new Map(s.headers).get('last-event-id'));
    expect(headers.at(-1)).to.equal(String(revision - 1));
    // The missed change arrives as the snapshot of the new connection.
    await waitUntil(() => live(el) === 'Your application was updated.', 'missed change announced');
    expect(text(q(el, '[part~=history] li'))).to.contain('Missed while offline');

    const updated = oneEvent(el, 'civic-case-updated');
    m.api.state.cases.update('c-4715', { status: { code: 'approved', label: 'Approved' } });
    expect((await updated).detail).to.deep.equal({ statusCode: 'approved' });
    await waitUntil(() => live(el) === 'New status: Approved', 'announced after resume');
  });

  it('falls back to polling while the stream is refused, and polls only while the page is visible', async () => {
    const { m, el, clock } = await openLive();
    m.api.faults.set({ dropStreams: 100 });
    for (let i = 0; i < 6; i++) {
      clock.advance(60_000);
      await new Promise((r) => setTimeout(r, 30));
    }
    await waitUntil(() => text(q(el, '.live-state')).startsWith('Diese Seite fragt regelmäßig'), 'polling');
    const polls = caseRequests().length;
    expect(polls).to.be.greaterThan(1);

    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      const hiddenAt = caseRequests().length;
      for (let i = 0; i < 4; i++) {
        clock.advance(60_000);
        await new Promise((r) => setTimeout(r, 30));
      }
      expect(caseRequests().length).to.equal(hiddenAt);
      expect(text(q(el, '.live-state'))).to.contain('pausiert');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      Object.defineProperty(Document.prototype, 'visibilityState', visibility);
      document.dispatchEvent(new Event('visibilitychange'));
    }
  });

  it('reads the case instead when a streamed event is broken', async () => {
    (await mockApi()).api.faults.set({ malformedJson: true, match: 'streamCaseEvents' });
    const { m, el } = await openLive();
    const before = caseRequests().length;
    m.api.state.cases.update('c-4715', { status: { code: 'approved', label: 'Bewilligt' } });
    await waitUntil(() => live(el) === 'Neuer Stand: Bewilligt', 'announced from the refetch');
    expect(caseRequests().length).to.equal(before + 1);
  });

  it('refreshes on request and says the status is current', async () => {
    const { el } = await openLive();
    const before = caseRequests().length;
    q<HTMLButtonElement>(el, '.live button')!.click();
    await waitUntil(() => live(el) === 'Der Stand ist aktuell.', 'announced');
    expect(caseRequests().length).to.equal(before + 1);
  });

  it('keeps the case and shows an error when a refresh fails', async () => {
    const { m, el } = await openLive();
    m.api.faults.set({ status: 500, match: 'getCase' });
    q<HTMLButtonElement>(el, '.live button')!.click();
    await waitUntil(() => q(el, '.live [role=alert]'), 'error');
    expect(text(q(el, '.live [role=alert]'))).to.equal('Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.');
    expect(text(q(el, 'h2'))).to.equal('Antrag auf einen Personalausweis');
    await expectAccessible(el, { state: '.live [role=alert]' });
  });
});
