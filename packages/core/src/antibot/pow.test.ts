import { expect } from '@open-wc/testing';
import { leadingZeroBits, sha256 } from './sha256.js';
import { powIsValid, solvePow } from './pow.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function subtleHex(text: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

describe('sha256', () => {
  it('matches the FIPS test vectors', () => {
    expect(hex(sha256(''))).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('abc'))).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches WebCrypto across block boundaries and for non-ASCII text', async () => {
    for (const text of ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), 'Bürgeramt Straße ✓', 'x'.repeat(1000)]) {
      expect(hex(sha256(text)), text.slice(0, 10)).to.equal(await subtleHex(text));
    }
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x10, 0xff]))).to.equal(19);
    expect(leadingZeroBits(new Uint8Array([0x80]))).to.equal(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).to.equal(16);
  });
});

describe('proof of work', () => {
  it('finds a nonce the verifier accepts, and the verifier rejects others', async () => {
    const nonce = await solvePow('musterstadt-challenge', 10);
    expect(powIsValid('musterstadt-challenge', nonce, 10)).to.equal(true);
    expect(powIsValid('another-challenge', nonce, 24)).to.equal(false);
    expect(powIsValid('musterstadt-challenge', -1, 0)).to.equal(false);
    expect(powIsValid('musterstadt-challenge', 1.5, 0)).to.equal(false);
  });

  it('yields to the main thread between slices', async () => {
    let yields = 0;
    let clock = 0;
    // Every clock read advances 1 ms, so each 2 ms slice ends quickly and must yield.
    const nonce = await solvePow('slices', 12, { sliceMs: 2, now: () => clock++, yieldToMain: async () => void yields++ });
    expect(powIsValid('slices', nonce, 12)).to.equal(true);
    expect(yields).to.be.greaterThan(0);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let error: unknown;
    try {
      await solvePow('abort', 30, { signal: controller.signal });
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('refuses a difficulty no nonce can meet at once, instead of searching for ever', async () => {
    for (const difficulty of [undefined, Number.NaN, -1, 1.5, 257, '12']) {
      let error: unknown;
      try {
        await solvePow('bad', difficulty as unknown as number);
      } catch (e) {
        error = e;
      }
      expect(error, String(difficulty)).to.be.instanceOf(RangeError);
    }
    expect(await solvePow('civic-test-vector', 0)).to.equal(0);
  });
});
