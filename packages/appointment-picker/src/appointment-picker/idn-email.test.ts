// E-mail addresses with an umlaut domain (RFC 6531, the contract's `idn-email`) typed into the
// contact step, booked against the msw mock. Chromium's <input type="email"> gives a typed Unicode
// domain as its A-label (`.value` is `anna@xn--mller-bckerei-hfb76a.de`), and that is what the
// widget sends; with a non-ASCII local part (outside HTML's ASCII-only e-mail grammar: the field's
// typeMismatch is true, the form has novalidate) `.value` is the address as typed, Unicode domain
// included. The contract accepts both; its former `format: email` refused the second with 400.
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

describe('international e-mail address', () => {
  /** Mounts, goes to the times, then by keyboard to the confirmation; the typed `.value` and the booking request's body. */
  async function bookTyping(name: string, address: string): Promise<{ typed: string; sent: { contact: { name: string; email: string } } }> {
    const el = await mount();
    await toTimes(el);
    await tabTo(el, '[part~="slot"]');
    await sendKeys({ press: 'Enter' });
    await waitStep(el, 'contact');
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

  it('books with an umlaut domain typed key by key, sent as its A-label', async () => {
    const { typed, sent } = await bookTyping('Anna Müller', 'anna@müller-bäckerei.de');
    expect(typed).to.equal('anna@xn--mller-bckerei-hfb76a.de');
    expect(sent.contact.email).to.equal('anna@xn--mller-bckerei-hfb76a.de');
    const [booking] = [...api.state.appointments.bookings.values()];
    expect(booking!.contact).to.deep.equal({ name: 'Anna Müller', email: 'anna@xn--mller-bckerei-hfb76a.de' });
  });

  it('books with a non-ASCII local part and an umlaut domain, sent as typed', async () => {
    const { typed, sent } = await bookTyping('Jörg Müller', 'jörg@müller-bäckerei.de');
    expect(typed).to.equal('jörg@müller-bäckerei.de');
    expect(sent.contact.email).to.equal('jörg@müller-bäckerei.de');
    expect([...api.state.appointments.bookings.values()][0]!.contact.email).to.equal('jörg@müller-bäckerei.de');
  });
});
