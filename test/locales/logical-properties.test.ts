import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { baseStyles, tokenStyles } from '../../packages/core/src/styles/tokens.js';

/**
 * Right-to-left (Arabic) needs layout by logical properties: `margin-inline-start`, not
 * `margin-left`. This test walks the styles of every element the widget packages define (found by
 * importing each widget package's src/index.ts, as the locale coverage test does) and fails on a
 * physical property that differs between left and right. Symmetric values (`padding: 0 1rem`,
 * `left: 0; right: 0`) read the same in both directions and pass.
 */
const defined = new Map<string, CustomElementConstructor>();
const define = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  defined.set(name, ctor);
  define(name, ctor, options);
};

const lock = (await (await fetch('/package-lock.json')).json()) as { packages: Record<string, unknown> };
const packages = Object.keys(lock.packages)
  .filter((k) => /^packages\/[^/]+$/.test(k))
  .map((k) => k.slice('packages/'.length));
for (const pkg of packages) {
  const manifest = (await (await fetch(`/packages/${pkg}/package.json`)).json()) as { civic?: { kind?: string } };
  if (manifest.civic?.kind !== 'widget') continue;
  await import(/* @vite-ignore */ `/packages/${pkg}/src/index.ts`);
}
await import('../../packages/core/src/components/civic-config/civic-config.js');

const PAIRS: [string, string][] = [
  ['margin-left', 'margin-right'],
  ['padding-left', 'padding-right'],
  ['border-left-width', 'border-right-width'],
  ['border-left-style', 'border-right-style'],
  ['border-left-color', 'border-right-color'],
  ['left', 'right'],
  ['border-top-left-radius', 'border-top-right-radius'],
  ['border-bottom-left-radius', 'border-bottom-right-radius'],
  ['scroll-margin-left', 'scroll-margin-right'],
  ['scroll-padding-left', 'scroll-padding-right'],
];
const ONE_SIDED = /^(left|right)$/;

/** Physical, direction-dependent declarations of a stylesheet, as `selector { property }` strings. */
export function physical(sheet: CSSStyleSheet): string[] {
  const found: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        const s = rule.style;
        for (const [a, b] of PAIRS) {
          if (s.getPropertyValue(a) !== s.getPropertyValue(b)) found.push(`${rule.selectorText} { ${a}/${b} }`);
        }
        for (const prop of ['text-align', 'float', 'clear']) {
          if (ONE_SIDED.test(s.getPropertyValue(prop).trim())) found.push(`${rule.selectorText} { ${prop}: ${s.getPropertyValue(prop)} }`);
        }
      }
      if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
    }
  };
  walk(sheet.cssRules);
  return found;
}

const sheetOf = (style: CSSResultOrNative): CSSStyleSheet | undefined =>
  style instanceof CSSStyleSheet ? style : style.styleSheet;

describe('layout by logical properties (right to left)', () => {
  it('the check finds physical left/right and passes symmetric and logical ones (control)', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      .a { margin-left: 1rem; } .b { padding: 0 1rem; } .c { text-align: right; }
      .d { left: 0; right: 0; } .e { margin-inline-start: 1rem; text-align: start; }
      @media (min-width: 10px) { .f { border-right: 1px solid; } }`);
    expect(physical(sheet)).to.deep.equal([
      '.a { margin-left/margin-right }',
      '.c { text-align: right }',
      '.f { border-left-width/border-right-width }',
      '.f { border-left-style/border-right-style }',
      '.f { border-left-color/border-right-color }',
    ]);
  });

  it('finds the widget packages and their elements', () => {
    expect(defined.has('civic-config')).to.equal(true);
  });

  it("core's shared styles use no physical left/right", () => {
    expect([...physical(tokenStyles.styleSheet!), ...physical(baseStyles.styleSheet!)]).to.deep.equal([]);
  });

  for (const [tag, ctor] of defined) {
    it(`<${tag}> uses no physical left/right`, () => {
      const styles = ((ctor as unknown as { elementStyles?: CSSResultOrNative[] }).elementStyles ?? []).map(sheetOf);
      const problems = styles.flatMap((sheet) => (sheet ? physical(sheet) : []));
      expect(problems, `<${tag}>:\n  ${problems.join('\n  ')}`).to.deep.equal([]);
    });
  }
});
