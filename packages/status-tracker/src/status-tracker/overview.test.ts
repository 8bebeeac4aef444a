import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import { caseShown, grant, mockApi, mount, q, qa, resetMock, text } from '../testing/fixtures.js';

async function open(caseId: string, options: { lang?: string; bookingPage?: string } = {}) {
  const m = await mockApi();
  const token = grant(m, caseId);
  const { el } = await mount({ caseId, token, ...options });
  await caseShown(el);
  return el;
}

describe('<civic-status-tracker> overview', () => {
  before(mockApi);
  afterEach(resetMock);

  it('shows title, reference, status since, steps in words, dates, the paused banner, actions and contact', async () => {
    const el = await open('c-4711');
    expect(text(q(el, 'h2'))).to.equal('Antrag auf Wohngeld');
    expect(text(q(el, '.ref'))).to.equal('MS-2026-004711');
    expect(text(q(el, '.reference button'))).to.equal('Aktenzeichen kopieren');
    expect(text(q(el, '[part~=status]'))).to.equal('Aktueller Stand Ihre Mitwirkung ist nötig seit 22. November 2026 um 11:47');

    const steps = qa(el, '[part~=steps] li');
    expect(steps.map(text)).to.deep.equal([
      'Antrag eingegangen Schritt 1 von 3, erledigt, am 10. November 2026 um 08:55',
      'Prüfung Schritt 2 von 3, aktueller Schritt, am 14. November 2026',
      'Bescheid Schritt 3 von 3, noch offen',
    ]);
    expect(steps.map((s) => s.getAttribute('aria-current'))).to.deep.equal(['false', 'step', 'false']);

    expect(qa(el, 'dl.dates > div').map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`)).to.deep.equal([
      'Voraussichtlich fertig: 19. Dezember 2026',
      'Gesetzliche Frist: 23. Januar 2027',
    ]);
    expect(text(q(el, '[part~=banner]'))).to.equal(
      'Die Bearbeitung ruht Die Bearbeitung ruht, bis die Gehaltsnachweise vorliegen. Seit 22. November 2026',
    );

    const actions = qa(el, '[part~=actions] > li');
    expect(actions.map((a) => text(a.querySelector('h4')))).to.deep.equal(['Gehaltsnachweise einreichen', 'Aktueller Mietvertrag']);
    expect(text(actions[0]!.querySelector('.due'))).to.equal('Bitte bis 4. Dezember 2026');
    const cta = actions[0]!.querySelector('a')!;
    expect(cta.getAttribute('href')).to.equal('https://www.musterstadt.example/wohngeld/nachweise');
    expect(text(cta)).to.equal('Unterlagen einreichen');
    expect(cta.getAttribute('aria-label')).to.equal('Unterlagen einreichen: Gehaltsnachweise einreichen');

    expect(text(q(el, '.contact'))).to.contain('Wohngeldstelle');
    expect(q(el, '.contact a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:+4912345680');
    expect(q(el, '.contact a[href^="mailto:"]')!.getAttribute('href')).to.equal('mailto:wohngeld@musterstadt.example');
    expect(q(el, '[part~=pickup]')).to.equal(null);
    await expectAccessible(el, { state: 'article[part~=case] h2' });
  });

  it('lists the history newest first and never shows 00:00 for a date-only entry', async () => {
    const el = await open('c-4713');
    const entries = qa(el, '[part~=history] li');
    expect(entries.map((e) => text(e.querySelector('.what')))).to.deep.equal([
      'Bearbeitung ruht bis zur Stellungnahme des Denkmalschutzes.',
      'Fachbehörden beteiligt.',
      'Antrag vollständig.',
      'Bauantrag eingegangen.',
    ]);
    expect(entries.map((e) => text(e.querySelector('.when')))).to.deep.equal([
      '18. November 2026',
      '4. November 2026 um 11:00',
      '25. Oktober 2026',
      '14. Oktober 2026 um 09:05',
    ]);
    for (const part of ['[part~=history]', '[part~=status]', '[part~=steps]', '[part~=banner]']) {
      expect(text(q(el, part))).not.to.contain('00:00');
    }
    await expectAccessible(el, { state: '[part~=history]' });
  });

  it('shows an extended deadline with its reason and end, in English', async () => {
    const el = await open('c-4714', { lang: 'en' });
    // English strings load lazily; the first answer may still be German and is re-read in English
    // as soon as they arrive (the widget's languageChanged). Wait for that re-read, then compare.
    await waitUntil(() => text(q(el, '[part~=banner]')).includes('Because'), 'server texts re-read in English');
    expect(text(q(el, '[part~=banner]'))).to.equal(
      'The deadline has been extended Because noise protection must be checked, we extend the deadline by one month. Since November 21, 2026 Until December 28, 2026',
    );
    expect(text(q(el, '[part~=status] h3'))).to.equal('Current status');
    await expectAccessible(el, { state: '[part~=banner]' });
  });

  it('shows the result with its explanation and the documents (links only for http(s))', async () => {
    const el = await open('c-4716');
    const result = q(el, 'section[aria-labelledby=result-h]')!;
    expect(text(result)).to.equal('Ergebnis Bewilligt Die Erlaubnis wurde erteilt. Der Bescheid kommt per Post.');
    const doc = q(el, '.documents li')!;
    expect(text(doc)).to.equal('Bescheid (Kopie) (verfügbar ab 22. November 2026)');
    expect(doc.querySelector('a')!.getAttribute('href')).to.equal('https://www.musterstadt.example/dokumente/bescheid-4716.pdf');
    await expectAccessible(el, { state: 'section[aria-labelledby=result-h]' });
  });

  it('books the pickup: the button fires civic-request-appointment with the service id only', async () => {
    const el = await open('c-4712');
    const button = q<HTMLButtonElement>(el, 'button[part~=pickup]')!;
    expect(text(button)).to.equal('Abholtermin buchen');
    // One booking control: the appointment action of the pickup service carries it.
    expect(qa(el, '[part~=pickup]').length).to.equal(1);
    const requested = oneEvent(el, 'civic-request-appointment');
    button.click();
    expect((await requested).detail).to.deep.equal({ serviceId: 'dokument-abholung' });
    await expectAccessible(el, { state: '[part~=pickup]' });
  });

  it('with booking-page, the pickup action is a link carrying ?civic-service=<id>; canceling the event stops it', async () => {
    const el = await open('c-4712', { bookingPage: '/termine/', lang: 'en' });
    const link = q<HTMLAnchorElement>(el, 'a[part~=pickup]')!;
    expect(text(link)).to.equal('Book a pickup appointment');
    expect(link.href).to.equal(new URL('/termine/?civic-service=dokument-abholung', location.href).href);
    el.addEventListener('civic-request-appointment', (e) => e.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
  });

  it('shows a separate pickup section when the case is ready without an appointment action', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    m.api.state.cases.update('c-4715', { pickup: { ready: true, serviceId: 'dokument-abholung' } });
    const { el } = await mount({ caseId: 'c-4715', token });
    await caseShown(el);
    expect(text(q(el, '.pickup h3'))).to.equal('Abholung');
    const requested = oneEvent(el, 'civic-request-appointment');
    q<HTMLButtonElement>(el, '.pickup button')!.click();
    expect((await requested).detail).to.deep.equal({ serviceId: 'dokument-abholung' });
  });

  it('orders actions most urgent first (no due date last)', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    const add = (id: string, dueDate?: string) =>
      m.api.state.cases.update('c-4715', {
        addActionRequired: { id, kind: 'reply', title: id, description: '', ...(dueDate && { dueDate }) },
      });
    add('later', '2026-12-20');
    add('none');
    add('soon', '2026-11-30');
    const { el } = await mount({ caseId: 'c-4715', token });
    await caseShown(el);
    expect(qa(el, '[part~=actions] h4').map(text)).to.deep.equal(['soon', 'later', 'none']);
    expect(qa(el, '[part~=actions] .due').map(text)).to.deep.equal(['Bitte bis 30. November 2026', 'Bitte bis 20. Dezember 2026']);
  });

  it('renders hostile server text as text', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    m.api.state.cases.update('c-4715', {
      status: { code: 'in_progress', label: '<img src=x onerror="__xss(1)">' },
      history: { title: '<script>__xss(2)</script>' },
      addActionRequired: { id: 'x', kind: 'other', title: '<b>t</b>', description: '"><svg onload=__xss(3)>', url: 'https://example.org/' },
    });
    const { el } = await mount({ caseId: 'c-4715', token });
    await caseShown(el);
    expect(text(q(el, '.status-label'))).to.equal('<img src=x onerror="__xss(1)">');
    expect(q(el, '[part~=case] img, [part~=case] script, [part~=case] svg, [part~=case] b')).to.equal(null);
  });

  it('copies the reference and says so', async () => {
    const el = await open('c-4711');
    let copied = '';
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (s: string) => ((copied = s), Promise.resolve()) },
    });
    try {
      q<HTMLButtonElement>(el, '.reference button')!.click();
      await waitUntil(() => text(q(el, '[data-civic-live=polite]')) !== '', 'announced');
      expect(copied).to.equal('MS-2026-004711');
      expect(text(q(el, '[data-civic-live=polite]'))).to.equal('Aktenzeichen kopiert.');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });
});
