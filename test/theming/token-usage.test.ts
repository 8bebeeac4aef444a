import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { tokenStyles } from '../../packages/core/src/styles/tokens.js';

/**
 * Every `var(--civic-…)` a widget's styles read must exist: a global token the library declares
 * (a typo such as `--civic-color-primry` would silently fall back), or a component property named
 * outside the global roles (`--civic-<widget>-*`, see docs/theming.md). Elements are found by
 * importing every widget package's src/index.ts and recording what it defines.
 */
const defined = new Map<string, CustomElementConstructor>();
const define = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  defined.set(name, ctor);
  define(name, ctor, options);
};
const lock = (await (await fetch('/package-lock.json')).json()) as { packages: Record<string, unknown> };
for (const key of Object.keys(lock.packages).filter((k) => /^packages\/[^/]+$/.test(k))) {
  const manifest = (await (await fetch(`/${key}/package.json`)).json()) as { civic?: { kind?: string } };
  if (manifest.civic?.kind === 'widget') await import(/* @vite-ignore */ `/${key}/src/index.ts`);
}
await import('../../packages/core/src/components/civic-config/civic-config.js');

/** The prefixes of the global token roles; a name with one of them must be a declared token. */
const GLOBAL_ROLE = /^--civic-(color|font|space|radius|border|focus|motion|shadow|line|target)-?/;

function declaredTokens(): Set<string> {
  const names = new Set<string>();
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) for (const prop of rule.style) if (prop.startsWith('--civic-')) names.add(prop);
      if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
    }
  };
  walk(tokenStyles.styleSheet!.cssRules);
  return names;
}

export function unknownTokens(cssText: string, declared: Set<string>): string[] {
  const used = new Set([...cssText.matchAll(/var\(\s*(--civic-[a-z0-9-]+)/g)].map((m) => m[1]!));
  return [...used].filter((name) => GLOBAL_ROLE.test(name) && !declared.has(name)).sort();
}

const cssTextOf = (style: CSSResultOrNative): string =>
  style instanceof CSSStyleSheet ? [...style.cssRules].map((r) => r.cssText).join('\n') : style.cssText;

describe('token usage', () => {
  const declared = declaredTokens();

  it('flags a misspelt global token and accepts component properties (control)', () => {
    const css = '.a { color: var(--civic-color-primry); padding: var(--civic-space-md); top: var(--civic-chat-offset, 1rem); }';
    expect(unknownTokens(css, declared)).to.deep.equal(['--civic-color-primry']);
  });

  for (const [tag, ctor] of defined) {
    it(`<${tag}> reads only declared global tokens`, () => {
      const styles = (ctor as unknown as { elementStyles?: CSSResultOrNative[] }).elementStyles ?? [];
      const unknown = unknownTokens(styles.map(cssTextOf).join('\n'), declared);
      expect(unknown, `<${tag}> reads tokens that do not exist`).to.deep.equal([]);
    });
  }
});
