import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import { baseStyles, tokenStyles } from '../../packages/core/src/styles/tokens.js';
import { kernTheme, KERN_COLOR_MAP, KERN_SCALE_MAP } from '../../packages/core/src/styles/themes/kern.js';
import { musterstadtTheme } from '../../packages/core/src/styles/themes/musterstadt.js';

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

/** Every `--civic-*` custom property a stylesheet declares. */
function declared(sheet: CSSStyleSheet): Set<string> {
  const names = new Set<string>();
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        for (const prop of rule.style) if (prop.startsWith('--civic-')) names.add(prop);
      }
      if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
    }
  };
  walk(sheet.cssRules);
  return names;
}

/** The rules of the `@media (forced-colors: active)` block of a sheet. */
function forcedColorRules(sheet: CSSStyleSheet): CSSStyleRule[] {
  const media = [...sheet.cssRules].find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'));
  return media ? [...media.cssRules].filter((r): r is CSSStyleRule => r instanceof CSSStyleRule) : [];
}

class ThemingProbe extends LitElement {
  static override styles = [baseStyles, css`button { transition: background-color var(--civic-motion-duration); }`];
  override render() {
    return html`<button aria-pressed="true">x</button>`;
  }
}
customElements.define('theming-probe', ThemingProbe);

describe('tokens', () => {
  before(() => {
    document.adoptedStyleSheets = [tokenStyles.styleSheet!];
  });
  after(async () => {
    document.adoptedStyleSheets = [];
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  it('are all documented in docs/theming.md, and the docs name no token that does not exist', async () => {
    const docs = await (await fetch('/docs/theming.md')).text();
    const names = declared(tokenStyles.styleSheet!);
    expect(names.size).to.be.greaterThan(50);
    const missing = [...names].filter((n) => !docs.includes('`' + n + '`'));
    expect(missing, 'undocumented tokens').to.deep.equal([]);
    const documented = new Set(docs.match(/`--civic-[a-z0-9-]+`/g)?.map((m) => m.slice(1, -1)) ?? []);
    const unknown = [...documented].filter((n) => !names.has(n) && !/^--civic-(widget|appointment|status|chat|queue)/.test(n));
    expect(unknown, 'documented but not declared').to.deep.equal([]);
  });

  it('cover every role: colours, type scale, spacing, radius, border, focus ring, motion, elevation', () => {
    const names = declared(tokenStyles.styleSheet!);
    for (const prefix of ['color-', 'font-size-', 'font-weight-', 'line-height', 'space-', 'radius-', 'border-width', 'focus-ring-', 'motion-', 'shadow']) {
      expect([...names].some((n) => n.startsWith(`--civic-${prefix}`)), prefix).to.equal(true);
    }
  });

  it('the dark theme redefines every colour the light theme defines', async () => {
    const el = await fixture(html`<div data-civic-theme="dark"><p>x</p></div>`);
    const p = el.querySelector('p')!;
    const colours = [...declared(tokenStyles.styleSheet!)].filter((n) => n.startsWith('--civic-color-'));
    const same = colours.filter((n) => token(p, n) === token(document.documentElement, n));
    expect(same).to.deep.equal([]);
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const el = await fixture(html`<div data-civic-theme="auto"><p>x</p></div>`);
    await emulateMedia({ colorScheme: 'light' });
    expect(token(el, '--civic-color-surface')).to.equal('#ffffff');
    await emulateMedia({ colorScheme: 'dark' });
    expect(token(el, '--civic-color-surface')).to.equal('#15191e');
  });

  it('reduced motion sets every duration to 0ms', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(token(document.documentElement, '--civic-motion-duration')).to.equal('150ms');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(token(document.documentElement, '--civic-motion-duration')).to.equal('0ms');
    expect(token(document.documentElement, '--civic-motion-duration-slow')).to.equal('0ms');
    const el = await fixture<ThemingProbe>(html`<theming-probe></theming-probe>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(parseFloat(getComputedStyle(button).transitionDuration)).to.be.lessThan(0.001);
  });
});

describe('baseStyles in forced-colors mode', () => {
  const rules = forcedColorRules(baseStyles.styleSheet!);
  const rule = (selector: string) => rules.find((r) => r.selectorText.includes(selector));

  it('turns the colour tokens into system colours on the host', () => {
    const host = rule(':host')!;
    expect(host.style.getPropertyValue('--civic-color-border').trim()).to.equal('CanvasText');
    expect(host.style.getPropertyValue('--civic-color-focus').trim()).to.equal('Highlight');
    expect(host.style.getPropertyValue('--civic-color-selected').trim()).to.equal('SelectedItem');
    expect(host.style.getPropertyValue('--civic-color-on-selected').trim()).to.equal('SelectedItemText');
    expect(host.style.getPropertyValue('--civic-color-primary').trim()).to.equal('LinkText');
  });

  it('draws the focus ring in Highlight', () => {
    expect(rule(':focus-visible')!.style.outlineColor).to.equal('highlight');
  });

  it('shows selected, pressed, checked and current states with SelectedItem, not a background the browser removes', () => {
    const selected = rule("[aria-selected='true']") ?? rule('[aria-selected="true"]');
    expect(selected, 'selected rule').to.not.equal(undefined);
    for (const state of ['aria-pressed', 'aria-checked', 'aria-current']) expect(selected!.selectorText).to.include(state);
    expect(selected!.style.getPropertyValue('forced-color-adjust')).to.equal('none');
    expect(selected!.style.backgroundColor.toLowerCase()).to.equal('selecteditem');
    expect(selected!.style.color.toLowerCase()).to.equal('selecteditemtext');
  });

  it('greys out disabled controls with GrayText', () => {
    expect(rule('[aria-disabled')!.style.color.toLowerCase()).to.equal('graytext');
  });
});

describe('theme presets', () => {
  afterEach(() => {
    document.adoptedStyleSheets = [];
  });

  it('KERN: follows the page\'s --kern-* tokens when KERN\'s CSS is there', async () => {
    const kern = new CSSStyleSheet();
    kern.replaceSync(':root { --kern-color-action-default: rgb(1, 2, 3); --kern-metric-space-default: 17px; }');
    document.adoptedStyleSheets = [tokenStyles.styleSheet!, kern, kernTheme.styleSheet!];
    const p = await fixture(html`<p>x</p>`);
    expect(getComputedStyle(p).getPropertyValue('--civic-color-primary').trim()).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(p).getPropertyValue('--civic-space-md').trim()).to.equal('17px');
  });

  it("KERN: a nested data-kern-theme switch reaches widgets inside it (mapping re-declared there)", async () => {
    const kern = new CSSStyleSheet();
    kern.replaceSync(':root { --kern-color-action-default: rgb(1, 2, 3); } [data-kern-theme=dark] { --kern-color-action-default: rgb(4, 5, 6); }');
    document.adoptedStyleSheets = [tokenStyles.styleSheet!, kern, kernTheme.styleSheet!];
    const el = await fixture(html`<section data-kern-theme="dark"><p>x</p></section>`);
    expect(token(el.querySelector('p')!, '--civic-color-primary')).to.equal('rgb(4, 5, 6)');
  });

  it('KERN: maps only real --kern-* token names (checked against @kern-ux/native 2.7.2)', () => {
    const names = [...Object.values(KERN_COLOR_MAP).map((v) => v[0]), ...Object.values(KERN_SCALE_MAP).map((v) => v[0])];
    for (const name of names) expect(name).to.match(/^--kern-(color-(action|layout|feedback|decorative)|typography|metric|shadow-elevation)-[a-z0-9-]+$/);
  });

  it('Musterstadt: overrides the library defaults, and a page rule still wins over the brand', async () => {
    document.adoptedStyleSheets = [tokenStyles.styleSheet!, musterstadtTheme.styleSheet!];
    const p = await fixture(html`<p>x</p>`);
    expect(token(p, '--civic-color-primary')).to.equal('#8b1a1a');
    const page = new CSSStyleSheet();
    page.replaceSync(':root:root { --civic-color-primary: rgb(9, 9, 9); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
    expect(token(p, '--civic-color-primary')).to.equal('rgb(9, 9, 9)');
  });
});
