import { expect } from '@open-wc/testing';
import { kernTheme } from '../../packages/core/src/styles/themes/kern.js';
import { musterstadtTheme } from '../../packages/core/src/styles/themes/musterstadt.js';

// The demo's /theme/ page loads the presets as plain CSS files, generated from the CSSResults by
// `node --conditions=civic-source --import tsx packages/core/src/styles/themes/emit-css.node.ts`.
describe('demo/theme preset files', () => {
  for (const [name, result] of [
    ['kern', kernTheme],
    ['musterstadt', musterstadtTheme],
  ] as const) {
    it(`demo/theme/${name}.css is the current ${name} preset (else re-run emit-css.node.ts)`, async () => {
      const response = await fetch(`/demo/theme/${name}.css`);
      expect(response.ok).to.equal(true);
      const [header, ...rest] = (await response.text()).split('\n');
      expect(header).to.include(`generated from packages/core/src/styles/themes/${name}.ts`);
      expect(rest.join('\n').trim()).to.equal(result.cssText.trim());
    });
  }
});
