// Writes the theme presets as plain CSS files for the demo (demo/theme/*.css), from the same
// CSSResults the package exports. test/theming/demo-css.test.ts fails when a copy is stale.
//
//   node --conditions=civic-source --import tsx packages/core/src/styles/themes/emit-css.node.ts
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernTheme } from './kern.js';
import { musterstadtTheme } from './musterstadt.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

/** The file text for a preset: a header naming its source, then the CSS. */
export function presetCss(name: string, cssText: string): string {
  return `/* Civic Elements theme preset "${name}" — generated from packages/core/src/styles/themes/${name}.ts; do not edit. */\n${cssText.trim()}\n`;
}

for (const [name, result] of [
  ['kern', kernTheme],
  ['musterstadt', musterstadtTheme],
] as const) {
  const file = join(ROOT, 'demo', 'theme', `${name}.css`);
  writeFileSync(file, presetCss(name, result.cssText));
  process.stdout.write(`wrote ${file.slice(ROOT.length + 1)}\n`);
}
