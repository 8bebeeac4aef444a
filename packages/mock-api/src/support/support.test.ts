import { expect } from '@open-wc/testing';
import { IdempotencyStore, fingerprint } from './idempotency.js';
import { EventHub } from './event-hub.js';
import { settingsFromEnv, DEFAULT_SETTINGS, TEST_MODE_SETTINGS } from './settings.js';
import { ManualClock } from './clock.js';

async function readAll(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

describe('mock support: idempotency', () => {
  it('runs a creation once for concurrent requests with the same key', async () => {
    const store = new IdempotencyStore(() => 0);
    let created = 0;
    const create = async () => {
      created++;
      await new Promise((r) => setTimeout(r, 5));
      return { status: 201, body: { id: created } };
    };
    const [a, b] = await Promise.all([store.run('bookings', 'k1', 'f', create), store.run('bookings', 'k1', 'f', create)]);
    expect(created).to.equal(1);
    expect(a).to.deep.equal(b);
  });

  it('reports a mismatch for the same key with another body, and forgets errors and old keys', async () => {
    const clock = new ManualClock(0);
    const store = new IdempotencyStore(() => clock.now());
    await store.run('s', 'k', fingerprint({ a: 1, b: 2 }), () => ({ status: 201, body: 1 }));
    expect(await store.run('s', 'k', fingerprint({ b: 2, a: 1 }), () => ({ status: 201, body: 2 }))).to.deep.equal({ status: 201, body: 1 });
    expect(await store.run('s', 'k', fingerprint({ a: 9 }), () => ({ status: 201, body: 3 }))).to.equal('mismatch');
    await store.run('s', 'e', 'f', () => ({ status: 409, body: 'taken' }));
    expect(await store.run('s', 'e', 'f', () => ({ status: 201, body: 'ok' }))).to.deep.equal({ status: 201, body: 'ok' });
    clock.advance(25 * 60 * 60 * 1000);
    expect(await store.run('s', 'k', fingerprint({ a: 9 }), () => ({ status: 201, body: 4 }))).to.deep.equal({ status: 201, body: 4 });
  });
});

describe('mock support: event hub', () => {
  it('replays events after Last-Event-ID and streams new ones', async () => {
    const hub = new EventHub();
    hub.publish('called', { ticket: 'A1' });
    hub.publish('called', { ticket: 'A2' });
    const stream = hub.subscribe('1');
    hub.publish('called', { ticket: 'A3' });
    const text = await readAll(stream, (t) => t.includes('A3'));
    expect(text).to.not.contain('A1');
    expect(text).to.contain('id: 2\nevent: called\ndata: {"ticket":"A2"}');
    expect(text).to.contain('id: 3');
  });

  it('closes every stream on dropAll', async () => {
    const hub = new EventHub();
    const reader = hub.subscribe().getReader();
    await reader.read();
    expect(hub.subscriberCount).to.equal(1);
    hub.dropAll();
    expect((await reader.read()).done).to.equal(true);
    expect(hub.subscriberCount).to.equal(0);
  });
});

describe('mock support: settings', () => {
  it('reads documented settings; test mode only changes defaults', () => {
    expect(settingsFromEnv({})).to.deep.equal(DEFAULT_SETTINGS);
    expect(settingsFromEnv({ CIVIC_TEST_MODE: '1' })).to.deep.equal(TEST_MODE_SETTINGS);
    expect(settingsFromEnv({ CIVIC_TEST_MODE: '1', CIVIC_RATE_LIMITS: 'on', CIVIC_HOLD_TTL_SECONDS: '30' })).to.deep.equal({ powDifficulty: 1, rateLimits: true, holdTtlSeconds: 30 });
    expect(() => settingsFromEnv({ CIVIC_POW_DIFFICULTY: 'lots' })).to.throw('CIVIC_POW_DIFFICULTY');
  });
});
