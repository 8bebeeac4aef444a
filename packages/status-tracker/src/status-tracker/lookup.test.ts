import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import { API, caseShown, grant, instantSleep, lookup, mockApi, mount, q, qa, resetMock, seen, text, type } from '../testing/fixtures.js';
import { readMagicLink, parseBirthdate } from './case-data.js';

const REF = 'MS-2026-004711';
const BIRTH = '12.03.1984';

describe('<civic-status-tracker> lookup', () => {
  before(mockApi);
  afterEach(resetMock);

  it('shows the lookup form with the birth date factor by default', async () => {
    const { el } = await mount();
    expect(text(q(el, 'h2'))).to.equal('Stand Ihres Antrags');
    expect(text(q(el, 'label[for=reference]'))).to.equal('Aktenzeichen');
    expect(text(q(el, 'label[for=factor]'))).to.equal('Ihr Geburtsdatum');
    expect(q(el, '#factor')!.getAttribute('autocomplete')).to.equal('bday');
    // The editor's fallback is not shown while the widget works.
    expect(q(el, 'slot')).to.equal(null);
    await expectAccessible(el, { state: 'form[part=form] h2' });
  });

  it('asks for the passcode when second-factor="passcode", in English', async () => {
    const { el } = await mount({ secondFactor: 'passcode', lang: 'en' });
    expect(text(q(el, 'h2'))).to.equal('Status of your application');
    expect(text(q(el, 'label[for=factor]'))).to.equal('Access code');
    await expectAccessible(el, { state: 'form[part=form] h2' });
  });

  for (const [lang, heading, dir] of [
    ['tr', 'Başvurunuzun durumu', 'ltr'],
    ['ar', 'حالة طلبك', 'rtl'],
    ['uk', 'Стан вашої заяви', 'ltr'],
    ['de-x-ls', 'Wie weit ist Ihr Antrag?', 'ltr'],
  ] as const) {
    it(`speaks ${lang} (${dir})`, async () => {
      const { el } = await mount({ lang });
      expect(text(q(el, 'h2'))).to.equal(heading);
      expect(q(el, '[part=base]')!.getAttribute('dir')).to.equal(dir);
      await expectAccessible(el, { state: 'form[part=form] h2' });
    });
  }

  it('finds a case; reference and factor travel only in the POST body; the event carries only the status code', async () => {
    const { el } = await mount();
    const logged: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((k) => {
      const orig = console[k];
      console[k] = (...args: unknown[]) => void logged.push(args);
      return () => (console[k] = orig);
    });
    try {
      const loaded = oneEvent(el, 'civic-case-loaded');
      await lookup(el, ' ms-2026-004711 ', BIRTH);
      const event = await loaded;
      expect(event.detail).to.deep.equal({ statusCode: 'action_required' });
      await caseShown(el);
      await waitUntil(() => seen.some((s) => s.url.endsWith('/events')), 'stream opened');
    } finally {
      spies.forEach((undo) => undo());
    }
    const posts = seen.filter((s) => s.method === 'POST');
    expect(posts.map((s) => new URL(s.url).pathname)).to.deep.equal([`${API}/v1/cases/lookup`]);
    await waitUntil(() => posts[0]!.body !== '', 'body read');
    expect(JSON.parse(posts[0]!.body)).to.deep.equal({
      reference: 'ms-2026-004711',
      secondFactor: { kind: 'birthdate', value: '1984-03-12' },
    });
    const secrets = [/004711/i, /1984/, /12\.03/];
    for (const s of seen) {
      const outside = [s.url, ...s.headers.flat()].join('\n');
      for (const secret of secrets) expect(secret.test(outside), `${s.method} ${s.url} leaks`).to.equal(false);
    }
    expect(seen.length).to.be.greaterThan(2);
    expect(logged).to.deep.equal([]);
    expect(text(q(el, 'h2'))).to.equal('Antrag auf Wohngeld');
    // Focus moves to the case heading.
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
  });

  it('gives the same answer for an unknown reference and a wrong birth date, keeping what was typed', async () => {
    const { el } = await mount();
    await lookup(el, 'MS-2026-999999', BIRTH);
    await waitUntil(() => q(el, '[role=alert]'), 'error');
    const unknown = text(q(el, '[role=alert]'));
    await lookup(el, REF, '13.03.1984');
    await waitUntil(() => seen.filter((s) => s.method === 'POST').length === 2 && q(el, '[role=alert]') && !q(el, 'button[aria-disabled=true]'));
    await el.updateComplete;
    expect(text(q(el, '[role=alert]'))).to.equal(unknown);
    expect(unknown).to.equal('Wir haben keinen Antrag mit diesen Angaben gefunden. Bitte prüfen Sie Aktenzeichen und Ihr Geburtsdatum.');
    // No retry button (retrying cannot help), no fallback, the input stays.
    expect(q(el, '[role=alert] button')).to.equal(null);
    expect(q<HTMLInputElement>(el, '#reference')!.value).to.equal(REF);
    expect(q<HTMLInputElement>(el, '#factor')!.value).to.equal('13.03.1984');
    await expectAccessible(el, { state: '[role=alert]' });
  });

  it('says how many seconds to wait on 429 (Retry-After) and keeps the input', async () => {
    const m = await mockApi();
    const { el } = await mount();
    m.api.faults.set({ rateLimit: { retryAfterSeconds: 17 } });
    await lookup(el, REF, BIRTH);
    await waitUntil(() => q(el, '[role=alert]'), 'error');
    expect(text(q(el, '[role=alert]'))).to.contain('17 Sekunden');
    expect(q(el, '[role=alert] button')).to.equal(null);
    expect(q<HTMLInputElement>(el, '#reference')!.value).to.equal(REF);
    await expectAccessible(el, { state: '[role=alert]' });
  });

  it('on a server error says so, shows the fallback and retries with the typed input', async () => {
    const m = await mockApi();
    const { el } = await mount();
    m.api.faults.set({ status: 500 });
    await lookup(el, REF, BIRTH);
    await waitUntil(() => q(el, '[role=alert]'), 'error');
    expect(text(q(el, '[role=alert] p'))).to.equal('Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.');
    const slot = q<HTMLSlotElement>(el, 'slot')!;
    expect(slot.assignedElements()[0]!.className).to.equal('editor-fallback');
    await expectAccessible(el, { state: '[role=alert]' });
    m.api.faults.clear();
    q<HTMLButtonElement>(el, '[role=alert] button')!.click();
    await caseShown(el);
    expect(text(q(el, 'h2'))).to.equal('Antrag auf Wohngeld');
  });

  it('on a malformed answer says so and offers a retry', async () => {
    const m = await mockApi();
    const { el } = await mount({ lang: 'en' });
    m.api.faults.set({ malformedJson: true, match: 'lookupCase' });
    await lookup(el, REF, BIRTH);
    await waitUntil(() => q(el, '[role=alert]'), 'error');
    expect(text(q(el, '[role=alert] p'))).to.equal('The server sent an unexpected answer. Please try again later.');
    expect(text(q(el, '[role=alert] button'))).to.equal('Try again');
    expect(q<HTMLInputElement>(el, '#factor')!.value).to.equal(BIRTH);
    await expectAccessible(el, { state: '[role=alert]' });
  });

  it('checks the fields before sending: missing reference, impossible date', async () => {
    const { el } = await mount();
    type(el, 'factor', '31.02.1984');
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => qa(el, '.field-error').length === 2);
    expect(qa(el, '.field-error').map(text)).to.deep.equal([
      'Bitte geben Sie Aktenzeichen ein.',
      'Bitte geben Sie das Geburtsdatum als Tag.Monat.Jahr ein, zum Beispiel 12.03.1984.',
    ]);
    expect(q(el, '#reference')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('reference');
    expect(seen.filter((s) => s.method === 'POST')).to.deep.equal([]);
    await expectAccessible(el, { state: '.field-error' });
  });

  it('sends a passcode as typed (the server ignores case and hyphens)', async () => {
    const { el } = await mount({ secondFactor: 'passcode' });
    await lookup(el, REF, 'k7qf-92lm');
    await caseShown(el);
    const body = seen.find((s) => s.method === 'POST')!;
    await waitUntil(() => body.body !== '');
    expect(JSON.parse(body.body).secondFactor).to.deep.equal({ kind: 'passcode', value: 'k7qf-92lm' });
  });

  it('opens directly from the case and token attributes, without a lookup', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    const { el } = await mount({ caseId: 'c-4715', token });
    await caseShown(el);
    expect(text(q(el, 'h2'))).to.equal('Antrag auf einen Personalausweis');
    expect(seen.some((s) => s.method === 'POST')).to.equal(false);
    const get = seen.find((s) => s.url.endsWith('/v1/cases/c-4715'))!;
    expect(new Map(get.headers).get('authorization')).to.equal(`Bearer ${token}`);
    await expectAccessible(el, { state: 'article[part~=case] h2' });
  });

  it('loads the case again when moved in the page while loading', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    const el = document.createElement('civic-status-tracker');
    Object.assign(el, { apiBase: API, caseId: 'c-4715', token, timing: { sleep: instantSleep } });
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(q(el, '[part=loading]')).not.to.equal(null);
      el.remove();
      document.body.append(el);
      await caseShown(el);
      expect(text(q(el, 'h2'))).to.equal('Antrag auf einen Personalausweis');
    } finally {
      el.remove();
    }
  });

  it('opens from a magic link fragment and removes it from the address bar', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4712');
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search}#civic-case=c-4712&civic-token=${token}`);
    try {
      const { el } = await mount();
      await caseShown(el);
      expect(text(q(el, 'h2'))).to.equal('Antrag auf einen Reisepass');
      expect(location.hash).to.equal('');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('asks again when the link or token no longer works', async () => {
    const { el } = await mount({ caseId: 'c-4715', token: 'cat_expired_0123456789abcdef' });
    await waitUntil(() => q(el, 'form [role=alert]'), 'expired message');
    expect(text(q(el, 'form [role=alert]'))).to.equal('Der Zugang ist abgelaufen. Bitte geben Sie Ihre Angaben erneut ein.');
    await expectAccessible(el, { state: 'form[part=form] h2' });
  });

  it('shows the fallback and a retry when the case cannot load at all', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    m.api.faults.set({ status: 500, match: 'getCase' });
    const { el } = await mount({ caseId: 'c-4715', token });
    await waitUntil(() => q(el, '[role=alert]'), 'failed state');
    expect(q<HTMLSlotElement>(el, 'slot')!.assignedElements().length).to.equal(1);
    await expectAccessible(el, { state: 'section h2' });
    m.api.faults.clear();
    q<HTMLButtonElement>(el, '[role=alert] button')!.click();
    await caseShown(el);
  });

  it('says so when the case arrives in a shape it cannot read (schema break)', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4715');
    m.api.faults.set({ schemaBreak: true, match: 'getCase' });
    const { el } = await mount({ caseId: 'c-4715', token, lang: 'en' });
    await waitUntil(() => q(el, '[role=alert]'), 'failed state');
    expect(text(q(el, '[role=alert] p'))).to.equal('The server’s answer does not match this version. Please try again later.');
    expect(text(q(el, '[role=alert] button'))).to.equal('Try again');
    await expectAccessible(el, { state: 'section h2' });
  });
});

describe('status tracker helpers', () => {
  it('parses birth dates as citizens and autofill write them', () => {
    expect(parseBirthdate('12.03.1984')).to.equal('1984-03-12');
    expect(parseBirthdate(' 1.3.1984 ')).to.equal('1984-03-01');
    expect(parseBirthdate('1984-03-12')).to.equal('1984-03-12');
    expect(parseBirthdate('12/03/1984')).to.equal('1984-03-12');
    expect(parseBirthdate('31.02.1984')).to.equal(undefined);
    expect(parseBirthdate('1984')).to.equal(undefined);
  });

  it('reads the magic link fragment #civic-case=<id>&civic-token=<token>', () => {
    expect(readMagicLink('#civic-case=c-4711&civic-token=cat_0123456789abcdef')).to.deep.equal({
      caseId: 'c-4711',
      token: 'cat_0123456789abcdef',
    });
    expect(readMagicLink('#x=1&civic-case=a.b&civic-token=t.o.k.e.n.0123456789')).to.deep.equal({
      caseId: 'a.b',
      token: 't.o.k.e.n.0123456789',
    });
    expect(readMagicLink('#civic-case=c-4711')).to.equal(undefined);
    expect(readMagicLink('#civic-case=<x>&civic-token=cat_0123456789abcdef')).to.equal(undefined);
  });
});
