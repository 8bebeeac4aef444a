import { expect, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import { xssVectors } from '@civic-elements/contract/seed';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, $$, chat, cleanup, mockChat, start } from '../testing/fixture.js';
import { splitLinks } from './linkify.js';

declare global {
  interface Window {
    __xss?: (n: number) => void;
  }
}

describe('splitLinks', () => {
  it('links only http(s) URLs, without trailing punctuation', () => {
    expect(splitLinks('Siehe https://musterstadt.example/termine, dann (http://a.example/b).')).to.deep.equal([
      { text: 'Siehe ' },
      { text: 'https://musterstadt.example/termine', href: 'https://musterstadt.example/termine' },
      { text: ', dann (' },
      { text: 'http://a.example/b', href: 'http://a.example/b' },
      { text: ').' },
    ]);
  });

  it('never links javascript:, data:, vbscript: or other schemes', () => {
    for (const text of ['javascript:alert(1)', 'JaVaScRiPt:x', 'data:text/html,<b>', 'vbscript:x', 'ftp://a.example/', 'mailto:a@b.example']) {
      expect(splitLinks(text), text).to.deep.equal([{ text }]);
    }
  });
});

describe('<civic-chat> renders every server text as text', () => {
  let mock: MockWorker;
  const hits: number[] = [];
  before(async () => {
    window.__xss = (n) => hits.push(n);
    mock = await mockChat({ variant: 'xss' });
  });
  after(() => {
    delete window.__xss;
  });
  afterEach(() => cleanup(mock));

  it('shows the xss seed’s payloads sent as agent messages as inert text: nothing executes, no element or handler appears', async () => {
    const { el } = await chat({ mode: 'inline' });
    await start(el); // the greeting and suggestions of the xss seed are hostile too
    const c = [...mock.api.state.chat.conversations.values()][0]!;
    const values = xssVectors.map((v) => v.value);
    values.forEach((value, i) => {
      const name = values[(i + 7) % values.length]!;
      mock.api.state.chat.post(c, { author: { kind: 'agent', name }, text: value, attachments: [], suggestions: [] });
    });
    mock.api.state.chat.post(c, { author: { kind: 'bot', name: values[0]! }, text: 'Mehr unter https://musterstadt.example/chat.', attachments: [], suggestions: values.slice(0, 10).map((text) => ({ text: text.slice(0, 100) })) });
    await waitUntil(() => $$(el, '.msg--agent').length === values.length && $$(el, '.msg--bot').length === 2, 'all rendered', { timeout: 10_000 });
    // Give image errors, SVG loads and frames time to fire if anything had been created.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(hits, '__xss calls').to.deep.equal([]);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, img, svg:not(.launcher svg), iframe, object, embed, body, style, link, form:not(.composer)').length).to.equal(0);
    const handlers = [...root.querySelectorAll('*')].flatMap((n) => n.getAttributeNames().filter((a) => a.startsWith('on')));
    expect(handlers).to.deep.equal([]);
    expect($$(el, '.msg--agent .text').map((t) => t.textContent)).to.deep.equal(values.filter((v) => v !== ''));
    const links = $$<HTMLAnchorElement>(el, '.log a');
    // http(s) URLs inside the payloads become links too — only those, always with this rel.
    expect(links.length).to.be.greaterThan(1);
    for (const a of links) {
      expect(['http:', 'https:'], a.href).to.include(new URL(a.href).protocol);
      expect([a.rel, a.target]).to.deep.equal(['noopener noreferrer nofollow', '_blank']);
    }
    const own = links.find((a) => a.href === 'https://musterstadt.example/chat')!;
    expect(own.getAttribute('aria-label')).to.equal('https://musterstadt.example/chat (öffnet in neuem Tab)');
    expect($$(el, '[part=suggestions] button').map((b) => b.textContent)).to.deep.equal(values.slice(0, 10).map((v) => v.slice(0, 100)));
    expect($(el, '[role=log]')).to.not.equal(null);
    await expectAccessible(el, { state: '[role=log]' });
  });
});
