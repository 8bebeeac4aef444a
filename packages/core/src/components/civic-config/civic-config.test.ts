import { expect, fixture, html } from '@open-wc/testing';
import './civic-config.js';
import type { CivicConfigElement } from './civic-config.component.js';

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('<civic-config> themes', () => {
  afterEach(() => document.documentElement.style.removeProperty('--civic-color-primary'));

  it('is light by default, so a light town site stays light whatever the system prefers', async () => {
    const el = await fixture<CivicConfigElement>(html`<civic-config><p>x</p></civic-config>`);
    expect(el.theme).to.equal('light');
    expect(token(el.querySelector('p')!, '--civic-color-surface')).to.equal('#ffffff');
  });

  it('switches to the dark tokens with theme="dark" and back', async () => {
    const el = await fixture<CivicConfigElement>(html`<civic-config theme="dark"><p>x</p></civic-config>`);
    const p = el.querySelector('p')!;
    expect(token(p, '--civic-color-surface')).to.equal('#15191e');
    el.theme = 'light';
    await el.updateComplete;
    expect(token(p, '--civic-color-surface')).to.equal('#ffffff');
  });

  it("lets the page's :root override reach widgets inside a light provider", async () => {
    document.documentElement.style.setProperty('--civic-color-primary', 'rgb(200, 0, 0)');
    const el = await fixture<CivicConfigElement>(html`<civic-config><p>x</p></civic-config>`);
    expect(token(el.querySelector('p')!, '--civic-color-primary')).to.equal('rgb(200, 0, 0)');
  });

  it('renders its children in place (display: contents)', async () => {
    const el = await fixture<CivicConfigElement>(html`<civic-config><p>x</p></civic-config>`);
    expect(getComputedStyle(el).display).to.equal('contents');
  });
});
