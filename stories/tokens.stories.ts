import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { tokenStyles } from '@civic-elements/core';
import './docs.css';

/**
 * The `--civic-*` design tokens as a page sees them. The list of tokens is read from core's token
 * sheet, and every value shown is the one `getComputedStyle` reports inside a
 * `<civic-config theme>`, so a page's own overrides would show here too.
 */

const allTokens = [...new Set(tokenStyles.cssText.match(/--civic-[a-z0-9-]+(?=\s*:)/g) ?? [])];
const colourTokens = allTokens.filter((t) => t.startsWith('--civic-color-'));
const fontSizeTokens = allTokens.filter((t) => t.startsWith('--civic-font-size-'));
const spaceTokens = allTokens.filter((t) => t.startsWith('--civic-space-'));
const radiusTokens = allTokens.filter((t) => t.startsWith('--civic-radius-'));
const otherTokens = allTokens.filter(
  (t) => !colourTokens.includes(t) && !fontSizeTokens.includes(t) && !spaceTokens.includes(t) && !radiusTokens.includes(t),
);

interface Pair {
  fg: string;
  bg: string;
  use: string;
  kind: 'text' | 'ui';
}
/** Foreground/background pairs the widgets use; text pairs need 4.5 : 1, non-text (ui) pairs 3 : 1. */
const pairList: Pair[] = [
  { fg: 'text', bg: 'surface', use: 'Body text', kind: 'text' },
  { fg: 'text-muted', bg: 'surface', use: 'Secondary text', kind: 'text' },
  { fg: 'text', bg: 'surface-raised', use: 'Text on raised surfaces', kind: 'text' },
  { fg: 'text-muted', bg: 'surface-raised', use: 'Secondary text on raised surfaces', kind: 'text' },
  { fg: 'primary', bg: 'surface', use: 'Links and outline buttons', kind: 'text' },
  { fg: 'on-primary', bg: 'primary', use: 'Primary buttons', kind: 'text' },
  { fg: 'on-primary', bg: 'primary-hover', use: 'Primary buttons, hovered', kind: 'text' },
  { fg: 'danger', bg: 'surface', use: 'Error messages', kind: 'text' },
  { fg: 'success', bg: 'success-surface', use: 'Success notices', kind: 'text' },
  { fg: 'warning', bg: 'warning-surface', use: 'Warnings', kind: 'text' },
  { fg: 'danger', bg: 'danger-surface', use: 'Error notices', kind: 'text' },
  { fg: 'text', bg: 'info-surface', use: 'Information notices', kind: 'text' },
  { fg: 'text', bg: 'highlight', use: 'Highlighted text', kind: 'text' },
  { fg: 'border', bg: 'surface', use: 'Borders of form fields (non-text, 3:1)', kind: 'ui' },
  { fg: 'focus', bg: 'surface', use: 'Focus ring (non-text, 3:1)', kind: 'ui' },
];
const pairs = pairList.filter((p) => colourTokens.includes(`--civic-color-${p.fg}`) && colourTokens.includes(`--civic-color-${p.bg}`));

// Swatches take their colour from a generated constructable stylesheet (no style attributes).
const swatchSheet = new CSSStyleSheet();
swatchSheet.replaceSync(
  [
    ...colourTokens.map((t) => `[data-swatch="${t}"] { background: var(${t}); }`),
    ...pairs.map(
      (p) =>
        `[data-pair="${p.fg}/${p.bg}"] { color: var(--civic-color-${p.fg}); background: var(--civic-color-${p.bg}); ` +
        `border-color: var(--civic-color-${p.fg}); }`,
    ),
    ...fontSizeTokens.map((t) => `[data-font-size="${t}"] { font-size: var(${t}); }`),
    ...spaceTokens.map((t) => `[data-space="${t}"] { inline-size: var(${t}); }`),
    ...radiusTokens.map((t) => `[data-radius="${t}"] { border-radius: var(${t}); }`),
  ].join('\n'),
);
if (!document.adoptedStyleSheets.includes(swatchSheet)) {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, swatchSheet];
}

function parseRgb(value: string): [number, number, number] | undefined {
  const m = /^rgba?\((\d+(?:\.\d+)?)[ ,]+(\d+(?:\.\d+)?)[ ,]+(\d+(?:\.\d+)?)/.exec(value);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two computed `rgb()` colours, or undefined for other colour syntaxes. */
function contrastRatio(a: string, b: string): number | undefined {
  const ca = parseRgb(a);
  const cb = parseRgb(b);
  if (!ca || !cb) return undefined;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Fills every `[data-value-of]` and `[data-contrast]` slot from the computed styles, then marks the panel ready. */
function fillComputedValues(panel: HTMLElement): void {
  const styles = getComputedStyle(panel);
  for (const el of panel.querySelectorAll<HTMLElement>('[data-value-of]')) {
    el.textContent = styles.getPropertyValue(el.dataset['valueOf'] ?? '').trim() || '(not set)';
  }
  for (const el of panel.querySelectorAll<HTMLElement>('[data-contrast]')) {
    const sample = panel.querySelector<HTMLElement>(`[data-pair="${el.dataset['contrast']}"]`);
    if (!sample) continue;
    const cs = getComputedStyle(sample);
    const ratio = contrastRatio(cs.color, cs.backgroundColor);
    const minimum = Number(el.dataset['minimum']);
    el.textContent =
      ratio === undefined
        ? 'not computable for this colour syntax'
        : `${ratio.toFixed(2)} : 1 — ${ratio >= minimum ? 'meets' : 'FAILS'} ${minimum} : 1`;
    el.classList.toggle('tokens__fail', ratio !== undefined && ratio < minimum);
  }
  panel.dataset['ready'] = '';
}

/** Runs `fillComputedValues` once the rendered panel is in the document (Storybook mounts synchronously). */
function fillWhenConnected(id: string, frames = 60): void {
  requestAnimationFrame(() => {
    const panel = document.getElementById(id);
    if (panel) fillComputedValues(panel);
    else if (frames > 0) fillWhenConnected(id, frames - 1);
  });
}

function renderTokens(theme: 'light' | 'dark') {
  const id = `tokens-${theme}`;
  fillWhenConnected(id);
  const title = theme === 'light' ? 'Light' : 'Dark';
  return html`<civic-config theme=${theme}>
    <article class="tokens" id=${id} lang="en" aria-labelledby="${id}-heading">
      <h1 id="${id}-heading">Design tokens: ${title}</h1>
      <p>Values as <code>getComputedStyle</code> reports them inside <code>&lt;civic-config theme="${theme}"&gt;</code>.</p>

      <h2>Colour roles</h2>
      <ul class="tokens__grid" role="list">
        ${colourTokens.map(
          (t) => html`<li class="tokens__card">
            <span class="tokens__swatch" data-swatch=${t}></span>
            <code class="tokens__name">${t}</code>
            <code class="tokens__value" data-value-of=${t}></code>
          </li>`,
        )}
      </ul>

      <h2>Contrast of the pairs widgets use</h2>
      <ul class="tokens__pairs" role="list">
        ${pairs.map(
          (p) => html`<li class="tokens__pair">
            <span class="tokens__sample ${p.kind === 'ui' ? 'tokens__sample--ui' : ''}" data-pair="${p.fg}/${p.bg}"
              >${p.kind === 'text' ? 'Aa Termin buchen' : html`<span class="tokens__ui-mark"></span>`}</span
            >
            <span class="tokens__pair-text">
              <span>${p.use}: <code>${p.fg}</code> on <code>${p.bg}</code></span>
              <span data-contrast="${p.fg}/${p.bg}" data-minimum=${p.kind === 'text' ? 4.5 : 3}></span>
            </span>
          </li>`,
        )}
      </ul>

      <h2>Type scale</h2>
      <ul class="tokens__list" role="list">
        ${fontSizeTokens.map(
          (t) => html`<li>
            <span class="tokens__type" data-font-size=${t}>Bürgerbüro Musterstadt</span>
            <code>${t}</code> <code data-value-of=${t}></code>
          </li>`,
        )}
      </ul>

      <h2>Spacing</h2>
      <ul class="tokens__list" role="list">
        ${spaceTokens.map(
          (t) => html`<li class="tokens__space-row">
            <span class="tokens__space" data-space=${t}></span>
            <code>${t}</code> <code data-value-of=${t}></code>
          </li>`,
        )}
      </ul>

      <h2>Radius</h2>
      <ul class="tokens__grid" role="list">
        ${radiusTokens.map(
          (t) => html`<li class="tokens__card">
            <span class="tokens__radius" data-radius=${t}></span>
            <code class="tokens__name">${t}</code>
            <code class="tokens__value" data-value-of=${t}></code>
          </li>`,
        )}
      </ul>

      <h2>Other tokens</h2>
      <dl class="tokens__other">
        ${otherTokens.map((t) => html`<dt><code>${t}</code></dt><dd><code data-value-of=${t}></code></dd>`)}
      </dl>
    </article>
  </civic-config>`;
}

const meta: Meta = {
  title: 'Core/Design tokens',
  parameters: { controls: { disable: true } },
};
export default meta;

type Story = StoryObj;

/** Every `--civic-*` token in the light scheme. */
export const Light: Story = {
  render: () => renderTokens('light'),
  parameters: { smoke: { waitFor: '#tokens-light[data-ready]' } },
};

/** Every `--civic-*` token in the dark scheme. */
export const Dark: Story = {
  render: () => renderTokens('dark'),
  parameters: { smoke: { waitFor: '#tokens-dark[data-ready]' } },
};
