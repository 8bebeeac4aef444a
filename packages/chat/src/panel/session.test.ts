import { expect } from '@open-wc/testing';
import type { RealtimeClock } from '@civic-elements/core';
import type { Message } from '@civic-elements/contract';
import { ChatSession, type ChatItem } from './session.js';

const clock: RealtimeClock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined, random: () => 0.5 };

function session(outbox: { clientId: string; text: string; attempts: number }[] = []): ChatSession {
  return new ChatSession(
    { id: 'c1', token: 't', outbox },
    {
      client: () => {
        throw new Error('no requests in this test');
      },
      clock,
      storageKey: 'civic-chat-session-test',
      changed: () => undefined,
      arrived: () => undefined,
    },
  );
}

const message = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
  seq,
  author: { kind: 'agent', name: 'Frau Schmidt' },
  text: `Nachricht ${seq}`,
  createdAt: '2026-12-01T09:00:00Z',
  attachments: [],
  suggestions: [],
  ...extra,
});

const keys = (list: readonly ChatItem[]) => list.map((i) => (i.type === 'pending' ? `c:${i.item.clientId}` : `s:${i.seq}`));

describe('ChatSession list', () => {
  afterEach(() => sessionStorage.removeItem('civic-chat-session-test'));

  it('keeps server items in seq order whatever order they arrive in, each seq once, unsent messages last', () => {
    const s = session([{ clientId: 'k1', text: 'Hallo', attempts: 0 }]);
    for (const seq of [10, 3, 7, 12, 1, 7, 5, 12]) s.addMessage(message(seq), false);
    s.addJoined(6, 'Frau Schmidt');
    s.addJoined(6, 'Frau Schmidt');
    s.addEnded(20, 'agent');
    expect(keys(s.list)).to.deep.equal(['s:1', 's:3', 's:5', 's:6', 's:7', 's:10', 's:12', 's:20', 'c:k1']);
    // The server has the unsent message: it shows once, at its place.
    s.addMessage(message(15, { clientId: 'k1', author: { kind: 'citizen' } }), true);
    expect(keys(s.list)).to.deep.equal(['s:1', 's:3', 's:5', 's:6', 's:7', 's:10', 's:12', 's:15', 's:20']);
  });

  it('builds the list again only after a change (the same array between changes)', () => {
    const s = session();
    s.addMessage(message(1), false);
    const first = s.list;
    expect(s.list).to.equal(first);
    s.addMessage(message(1), false);
    expect(s.list, 'a duplicate changes nothing').to.equal(first);
    s.addMessage(message(2), false);
    expect(s.list).not.to.equal(first);
    expect(keys(s.list)).to.deep.equal(['s:1', 's:2']);
    const second = s.list;
    s.send('Neu');
    expect(s.list).not.to.equal(second);
    expect(s.list.at(-1)?.type).to.equal('pending');
  });

  it('offers the suggestions of the latest message only', () => {
    const s = session();
    s.addMessage(message(2, { author: { kind: 'bot', name: 'Bot' }, suggestions: [{ text: 'Termin' }] }), false);
    s.addMessage(message(1), false);
    expect(s.suggestions).to.deep.equal([{ text: 'Termin' }]);
    s.addJoined(3, undefined);
    expect(s.suggestions, 'a notice is not a message').to.deep.equal([{ text: 'Termin' }]);
    s.addMessage(message(4), false);
    expect(s.suggestions).to.deep.equal([]);
  });
});
