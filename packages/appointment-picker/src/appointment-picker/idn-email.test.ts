// E-mail addresses with international domains and local parts (RFC 6531, the contract's
// `idn-email`) typed into the contact step, booked against the msw mock. The field is a text input
// with `inputmode="email"`, not `type="email"`: Chromium's e-mail input rewrites a typed Unicode
// domain to an A-label with the old IDNA 2003 mapping, which turns `straße.de` into `strasse.de` —
// another domain, so the confirmation would go to a stranger. The widget sends what was typed; the
// server writes the domain's A-label (IDNA 2008, `xn--strae-oqa.de`) when it mails.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import { $, HEADING, mockApi, mount, tabTo, toTimes, waitStep } from '../testing/fixtures.js';

const { worker, api } = await mockApi();
const bodies: unknown[] = [];
const record = ({ request }: { request: Request }) => {
  if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/bookings') void request.clone().json().then((b) => bodies.push(b));
};
worker.events.on('request:start', record);

after(() => worker.events.removeListener('request:start', record));
afterEach(() => {
  worker.resetHandlers(...api.handlers);
  api.reset();
  bodies.length = 0;
});

/** Mounts the picker and goes by keyboard to the contact step (first free slot). */
async function toContact() {
  const el = await mount();
  await toTimes(el);
  await tabTo(el, '[part~="slot"]');
  await sendKeys({ press: 'Enter' });
  await waitStep(el, 'contact');
  return el;
}

describe('international e-mail address', () => {
  /** Mounts, goes to the times, then by keyboard to the confirmation; the typed `.value` and the booking request's body. */
  async function bookTyping(name: string, address: string): Promise<{ typed: string; sent: { contact: { name: string; email: string } } }> {
    const el = await toContact();
    await tabTo(el, '#f-name');
    await sendKeys({ type: name });
    const email = (await tabTo(el, '#f-email')) as HTMLInputElement;
    // ASCII characters are key presses; ü, ä and ö, which the test keyboard (US layout) has no
    // key for, arrive as text input. The widget re-renders after every character.
    await sendKeys({ type: address });
    await el.updateComplete;
    const typed = email.value;
    await tabTo(el, '#f-consent');
    expect($(el, '#f-email-error'), 'no error once the field is left').to.equal(null);
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'confirmation');
    await expectAccessible(el, { state: HEADING });
    await waitUntil(() => bodies.length === 1, 'the booking request was recorded');
    return { typed, sent: bodies[0] as { contact: { name: string; email: string } } };
  }

  it('books with an umlaut domain typed key by key, sent as typed', async () => {
    const { typed, sent } = await bookTyping('Anna Müller', 'anna@müller-bäckerei.de');
    expect(typed).to.equal('anna@müller-bäckerei.de');
    expect(sent.contact.email).to.equal('anna@müller-bäckerei.de');
    const [booking] = [...api.state.appointments.bookings.values()];
    expect(booking!.contact).to.deep.equal({ name: 'Anna Müller', email: 'anna@müller-bäckerei.de' });
  });

  it('books with a ß domain, sent as typed (an e-mail input would have made it strasse.de)', async () => {
    const { typed, sent } = await bookTyping('Anna Straße', 'anna@straße.de');
    expect(typed).to.equal('anna@straße.de');
    expect(sent.contact.email).to.equal('anna@straße.de');
  });

  it('books with a non-ASCII local part and an umlaut domain, sent as typed', async () => {
    const { typed, sent } = await bookTyping('Jörg Müller', 'jörg@müller-bäckerei.de');
    expect(typed).to.equal('jörg@müller-bäckerei.de');
    expect(sent.contact.email).to.equal('jörg@müller-bäckerei.de');
    expect([...api.state.appointments.bookings.values()][0]!.contact.email).to.equal('jörg@müller-bäckerei.de');
  });

  it('an address the server refuses (its own check let it through) gets the field error and the focus; corrected, it books once', async () => {
    const el = await toContact();
    await tabTo(el, '#f-name');
    await sendKeys({ type: 'Anna Müller' });
    const email = (await tabTo(el, '#f-email')) as HTMLInputElement;
    await sendKeys({ type: 'anna@müller..de' });
    await tabTo(el, '#f-consent');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#f-email-error'), 'the e-mail field shows the error');
    await waitUntil(() => el.shadowRoot!.activeElement === email, 'focus in the e-mail field');
    expect($(el, '#f-email-error')!.textContent).to.equal('Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.value, 'what the citizen typed is kept').to.equal('anna@müller..de');
    expect($(el, '[role="alert"]'), 'no general error').to.equal(null);
    await expectAccessible(el, { state: '#f-email-error' });
    // Leaving the field or sending it unchanged keeps the mark and asks the server nothing.
    await waitUntil(() => bodies.length === 1, 'the refused booking request was recorded');
    await tabTo(el, 'button[type="submit"]');
    expect($(el, '#f-email-error'), 'still marked after leaving the field').to.not.equal(null);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement === email, 'focus back in the e-mail field');
    expect(bodies.length, 'no second request for the same address').to.equal(1);
    email.select();
    await sendKeys({ type: 'anna@müller.de' });
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'confirmation');
    expect([...api.state.appointments.bookings.values()].map((b) => b.contact.email)).to.deep.equal(['anna@müller.de']);
  });

  it('the e-mail fields are text inputs with the e-mail keyboard and autofill', async () => {
    const el = await toContact();
    const email = $(el, '#f-email') as HTMLInputElement;
    expect(email.type).to.equal('text');
    expect(email.inputMode).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect(email.spellcheck).to.equal(false);
    await expectAccessible(el, { state: HEADING });
  });
});
