import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { tokenStyles } from '../../packages/core/src/styles/tokens.js';
import { kernTheme } from '../../packages/core/src/styles/themes/kern.js';
import { musterstadtTheme } from '../../packages/core/src/styles/themes/musterstadt.js';
import { contrast, tokenColor, toRgba } from './color.js';

/**
 * Every colour pair the widgets draw, in every theme, computed from the token values as the
 * browser resolves them. Text needs 4.5:1 (WCAG 1.4.3); borders of controls, the focus ring and
 * selected states need 3:1 against what surrounds them (1.4.11, 2.4.13).
 */
const SURFACES = ['surface', 'surface-raised'];
const TEXT_PAIRS: [string, string][] = [
  ...SURFACES.flatMap((bg) => ['text', 'text-muted', 'primary', 'link', 'success', 'warning', 'danger', 'info'].map((fg) => [fg, bg] as [string, string])),
  ['text', 'success-surface'],
  ['text', 'warning-surface'],
  ['text', 'danger-surface'],
  ['text', 'info-surface'],
  ['text', 'highlight'],
  ['success', 'success-surface'],
  ['warning', 'warning-surface'],
  ['danger', 'danger-surface'],
  ['info', 'info-surface'],
  ['on-primary', 'primary'],
  ['on-primary', 'primary-hover'],
  ['on-selected', 'selected'],
];
const UI_PAIRS: [string, string][] = SURFACES.flatMap((bg) => ['border', 'focus', 'primary', 'selected'].map((fg) => [fg, bg] as [string, string]));

interface Theme {
  name: string;
  sheets: CSSResult[];
  /** Attributes of the element the widgets sit in. */
  scope?: Record<string, string>;
}

const THEMES: Theme[] = [
  { name: 'light (default)', sheets: [tokenStyles] },
  { name: 'dark (civic-config theme="dark")', sheets: [tokenStyles], scope: { 'data-civic-theme': 'dark' } },
  { name: 'KERN light', sheets: [tokenStyles, kernTheme] },
  { name: 'KERN dark (data-kern-theme="dark")', sheets: [tokenStyles, kernTheme], scope: { 'data-kern-theme': 'dark' } },
  { name: 'KERN + civic dark', sheets: [tokenStyles, kernTheme], scope: { 'data-civic-theme': 'dark' } },
  { name: 'Musterstadt light', sheets: [tokenStyles, musterstadtTheme] },
  { name: 'Musterstadt dark', sheets: [tokenStyles, musterstadtTheme], scope: { 'data-civic-theme': 'dark' } },
];

function failures(theme: Theme): string[] {
  document.adoptedStyleSheets = theme.sheets.map((s) => s.styleSheet!);
  const scope = document.createElement('div');
  for (const [name, value] of Object.entries(theme.scope ?? {})) scope.setAttribute(name, value);
  document.body.append(scope);
  const problems: string[] = [];
  const check = (pairs: [string, string][], min: number) => {
    for (const [fg, bg] of pairs) {
      const a = tokenColor(scope, `--civic-color-${fg}`);
      const b = tokenColor(scope, `--civic-color-${bg}`);
      if (a[3] < 1 || b[3] < 1) problems.push(`${fg} on ${bg}: not opaque`);
      const ratio = contrast(a, b);
      if (ratio < min) problems.push(`${fg} on ${bg}: ${ratio.toFixed(2)}:1 < ${min}:1`);
    }
  };
  check(TEXT_PAIRS, 4.5);
  check(UI_PAIRS, 3);
  scope.remove();
  return problems;
}

describe('theme contrast (WCAG 2.2 AA)', () => {
  afterEach(() => {
    document.adoptedStyleSheets = [];
  });

  it('computes the ratios it checks correctly (control: black/white 21:1, #777 on white fails 4.5:1)', () => {
    expect(contrast(toRgba('#000'), toRgba('#fff'))).to.be.closeTo(21, 0.01);
    expect(contrast(toRgba('oklch(100% 0 0)'), toRgba('rgb(0 0 0)'))).to.be.closeTo(21, 0.01);
    expect(contrast(toRgba('#777777'), toRgba('#ffffff'))).to.be.closeTo(4.48, 0.01);
  });

  it('reports a failing pair (control theme with a pale primary)', () => {
    const pale = new CSSStyleSheet();
    pale.replaceSync(':root { --civic-color-primary: #9fc5e8; }');
    document.adoptedStyleSheets = [tokenStyles.styleSheet!, pale];
    const scope = document.body;
    expect(contrast(tokenColor(scope, '--civic-color-primary'), tokenColor(scope, '--civic-color-surface'))).to.be.lessThan(3);
  });

  it('each theme really changes the colours it claims to', () => {
    const primaries = THEMES.map((theme) => {
      document.adoptedStyleSheets = theme.sheets.map((s) => s.styleSheet!);
      const scope = document.createElement('div');
      for (const [name, value] of Object.entries(theme.scope ?? {})) scope.setAttribute(name, value);
      document.body.append(scope);
      const color = tokenColor(scope, '--civic-color-primary').join(',');
      scope.remove();
      return color;
    });
    // KERN dark through data-kern-theme and through <civic-config theme="dark"> are the same KERN
    // dark values on purpose; every other theme has its own primary.
    expect(primaries[3]).to.equal(primaries[4]);
    expect(new Set(primaries).size, primaries.join(' | ')).to.equal(THEMES.length - 1);
  });

  for (const theme of THEMES) {
    it(`${theme.name}: every text pair ≥ 4.5:1, every UI pair ≥ 3:1`, () => {
      const problems = failures(theme);
      expect(problems, `${theme.name}:\n  ${problems.join('\n  ')}`).to.deep.equal([]);
    });
  }
});
