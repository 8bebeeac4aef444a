// The contract's `idn-email` format (src/email.ts) in Node, where the server and the conformance
// suite run it:  node --conditions=civic-source --import tsx --test packages/contract/test/email.test.ts
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { domainToASCII } from 'node:url';
import { asciiDomainForm, emailKey, isIdnEmail, punycodeDecode } from '../src/email.js';
import { INVALID, VALID } from './email-vectors.js';

describe('idn-email', () => {
  for (const [address, ascii] of VALID) {
    test(`accepts ${address.length > 40 ? `${address.slice(0, 40)}…` : address}`, () => {
      assert.equal(isIdnEmail(address), true);
      assert.equal(asciiDomainForm(address), ascii ?? address.replace(/@.*$/, (d) => d.toLowerCase()));
    });
  }
  for (const [address, why] of INVALID) {
    test(`refuses: ${why}`, () => assert.equal(isIdnEmail(address), false, JSON.stringify(address)));
  }

  test('the A-label form is what the SMTP notifier sends (node:url domainToASCII)', () => {
    for (const [address] of VALID) {
      const [local, domain] = [address.slice(0, address.indexOf('@')), address.slice(address.indexOf('@') + 1)];
      assert.equal(asciiDomainForm(address), `${local}@${domainToASCII(domain)}`);
    }
  });

  test('one key per mailbox: Unicode and A-label domain, case, NFC and NFD local part', () => {
    const key = emailKey('Jörg@Müller.de');
    assert.equal(key, 'jörg@xn--mller-kva.de');
    for (const same of ['jörg@xn--mller-kva.de', 'JÖRG@MÜLLER.DE', ' jörg@müller.de ', 'jo\u0308rg@mu\u0308ller.de']) assert.equal(emailKey(same), key, same);
    assert.notEqual(emailKey('jorg@müller.de'), key);
    assert.equal(emailKey('kein-@'), undefined);
  });

  test('Punycode decoding (RFC 3492 section 7.1 samples)', () => {
    assert.equal(punycodeDecode('mller-kva'), 'müller');
    assert.equal(punycodeDecode('ihqwcrb4cv8a8dqg056pqjye'), '他们为什么不说中文');
    assert.equal(punycodeDecode('egbpdaj6bu4bxfgehfvwxn'), 'ليهمابتكلموشعربي؟');
    assert.equal(punycodeDecode('Proprostnemluvesky-uyb24dma41a'), 'Pročprostěnemluvíčesky');
    assert.equal(punycodeDecode('-> $1.00 <--'), '-> $1.00 <-');
    for (const bad of ['zz', 'mller-kva1', 'mller-ü', '99999999999a']) assert.equal(punycodeDecode(bad), undefined, bad);
  });
});
