// The contract's `idn-email` format in Chromium, where the msw mock runs it in the widgets' tests:
// the same vectors as the Node test (test/email.test.ts), so both engines' IDNA (the URL host
// parser) must agree.
import { expect } from '@open-wc/testing';
import { asciiDomainForm, emailKey, isIdnEmail } from './index.js';
import { INVALID, VALID } from '../test/email-vectors.js';

describe('idn-email in Chromium', () => {
  it('accepts every valid vector, with the same A-label form as in Node', () => {
    for (const [address, ascii] of VALID) {
      expect(isIdnEmail(address), address).to.equal(true);
      expect(asciiDomainForm(address), address).to.equal(ascii ?? address.replace(/@.*$/, (d) => d.toLowerCase()));
    }
  });

  it('refuses every invalid vector', () => {
    for (const [address, why] of INVALID) expect(isIdnEmail(address), why).to.equal(false);
  });

  it('gives one key per mailbox', () => {
    expect(emailKey('JÖRG@MÜLLER.DE')).to.equal('jörg@xn--mller-kva.de');
    expect(emailKey('jo\u0308rg@xn--mller-kva.de')).to.equal('jörg@xn--mller-kva.de');
  });
});
