import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * KERN-UX preset: maps the `--kern-*` tokens of KERN (the German administration's open UX standard,
 * `@kern-ux/native` 2.7) onto the `--civic-*` tokens, so widgets on a KERN site look like KERN.
 *
 * Opt in with one stylesheet after KERN's own CSS:
 * `<link rel="stylesheet" href="…/@civic-elements/core/dist/themes/kern.css">` (or adopt
 * {@link kernTheme} yourself). When KERN's CSS is loaded, every value follows it — including a
 * KERN brand palette and KERN's own dark mode (`prefers-color-scheme`, `data-kern-theme="dark"`,
 * `.kern-dark`). Without KERN's CSS, the fallbacks below are KERN 2.7.2's own values.
 *
 * `<civic-config theme="dark">` (or `data-civic-theme="dark"`) on a KERN site uses KERN's dark
 * values as fixed colours: KERN itself does not know that attribute.
 */

/** `--civic-*` name (without prefix) → [KERN token, KERN 2.7.2 light value, KERN 2.7.2 dark value]. */
export const KERN_COLOR_MAP: Readonly<Record<string, readonly [string, string, string]>> = {
  'color-primary': ['--kern-color-action-default', 'oklch(42.84% 0.1689 265.02)', 'oklch(75.39% 0.0772 264.66)'],
  'color-primary-hover': [
    '--kern-color-action-state-indicator-shade-hover',
    'color-mix(in oklch, oklch(42.84% 0.1689 265.02), black 8%)',
    'color-mix(in oklch, oklch(75.39% 0.0772 264.66), white 12%)',
  ],
  'color-on-primary': ['--kern-color-action-on-default', 'oklch(100% 0 0)', 'oklch(0% 0 0)'],
  'color-link': ['--kern-color-action-default', 'oklch(42.84% 0.1689 265.02)', 'oklch(75.39% 0.0772 264.66)'],
  'color-text': ['--kern-color-layout-text-default', 'oklch(20.23% 0.0321 277.67)', 'oklch(96.72% 0.0041 271.37)'],
  'color-text-muted': ['--kern-color-layout-text-muted', 'oklch(46.61% 0.0574 276.44)', 'oklch(78.01% 0.0315 277.47)'],
  'color-surface': ['--kern-color-layout-background-default', 'oklch(100% 0 0)', 'oklch(0% 0 0)'],
  'color-surface-raised': ['--kern-color-layout-background-hued', 'oklch(96.72% 0.0041 271.37)', 'oklch(20.23% 0.0321 277.67)'],
  'color-border': ['--kern-color-layout-border', 'oklch(56.94% 0.0532 275.53)', 'oklch(56.94% 0.0532 275.53)'],
  'color-border-subtle': ['--kern-color-decorative-border-default', 'oklch(82.04% 0.0253 278.29)', 'oklch(42.13% 0.0539 275.67)'],
  'color-selected': ['--kern-color-action-default', 'oklch(42.84% 0.1689 265.02)', 'oklch(75.39% 0.0772 264.66)'],
  'color-on-selected': ['--kern-color-action-on-default', 'oklch(100% 0 0)', 'oklch(0% 0 0)'],
  'color-success': ['--kern-color-feedback-success', 'oklch(48.73% 0.0985 168.19)', 'oklch(65.26% 0.1254 169.92)'],
  'color-success-surface': ['--kern-color-feedback-success-background', 'oklch(93.09% 0.0428 170.49)', 'oklch(24.21% 0.0493 167.63)'],
  'color-warning': ['--kern-color-feedback-warning', 'oklch(50.70% 0.1152 63.44)', 'oklch(67.76% 0.1511 65.79)'],
  'color-warning-surface': ['--kern-color-feedback-warning-background', 'oklch(93.57% 0.0683 84.88)', 'oklch(25.26% 0.0574 63.38)'],
  'color-danger': ['--kern-color-feedback-danger', 'oklch(52.37% 0.2002 29.28)', 'oklch(68.64% 0.1543 29.27)'],
  'color-danger-surface': ['--kern-color-feedback-danger-background', 'oklch(93.89% 0.0292 28.12)', 'oklch(26.16% 0.1073 29.23)'],
  'color-info': ['--kern-color-feedback-info', 'oklch(49.29% 0.0962 228.10)', 'oklch(66.04% 0.1263 226.04)'],
  'color-info-surface': ['--kern-color-feedback-info-background', 'oklch(93.28% 0.0544 213.68)', 'oklch(24.71% 0.0483 228.26)'],
  'color-highlight': ['--kern-color-feedback-warning-background', 'oklch(93.57% 0.0683 84.88)', 'oklch(25.26% 0.0574 63.38)'],
  'color-focus': ['--kern-color-action-focus-default', 'oklch(42.13% 0.0539 275.67)', 'oklch(75.46% 0.0348 276.22)'],
};

/** Scale tokens: `--civic-*` name → [KERN token, KERN 2.7.2 value]. Same in light and dark. */
export const KERN_SCALE_MAP: Readonly<Record<string, readonly [string, string]>> = {
  'font-family': ['--kern-typography-font-family-default', "'Fira Sans', 'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif"],
  'font-family-mono': ['--kern-typography-font-family-fira-mono', "'Fira Mono', ui-monospace, monospace"],
  'font-size-md': ['--kern-typography-font-size-small-static', '1rem'],
  'font-size-lg': ['--kern-typography-font-size-medium-adaptive', '1.3125rem'],
  'font-size-xl': ['--kern-typography-font-size-large-adaptive', '1.625rem'],
  'font-size-2xl': ['--kern-typography-font-size-x-large-adaptive', '2rem'],
  'font-size-display': ['--kern-typography-font-size-2x-large-adaptive', '3rem'],
  'font-weight-normal': ['--kern-typography-font-weight-body-default', '400'],
  'font-weight-bold': ['--kern-typography-font-weight-heading-default', '600'],
  'space-2xs': ['--kern-metric-space-2x-small', '0.125rem'],
  'space-xs': ['--kern-metric-space-x-small', '0.25rem'],
  'space-sm': ['--kern-metric-space-small', '0.5rem'],
  'space-md': ['--kern-metric-space-default', '1rem'],
  'space-lg': ['--kern-metric-space-large', '1.5rem'],
  'space-xl': ['--kern-metric-space-x-large', '2rem'],
  'space-2xl': ['--kern-metric-space-3x-large', '3rem'],
  'radius-sm': ['--kern-metric-border-radius-small', '0.125rem'],
  'radius-md': ['--kern-metric-border-radius-default', '0.25rem'],
  'radius-lg': ['--kern-metric-border-radius-large', '0.5rem'],
  'border-width': ['--kern-metric-border-width-light', '0.0625rem'],
  'border-width-strong': ['--kern-metric-border-width-default', '0.125rem'],
  'shadow-sm': ['--kern-shadow-elevation-low', '0 2.8px 2.8px -0.2px rgb(0 0 0 / 0.1)'],
  shadow: ['--kern-shadow-elevation-default', '0 7.6px 7.6px -0.5px rgb(0 0 0 / 0.1)'],
  'shadow-lg': ['--kern-shadow-elevation-high', '0 20px 20px -1.3px rgb(0 0 0 / 0.1)'],
};

type Mode = 'light' | 'dark' | 'fixed-dark';

function colors(mode: Mode): string {
  return Object.entries(KERN_COLOR_MAP)
    .map(([name, [kern, light, dark]]) => {
      if (mode === 'fixed-dark') return `--civic-${name}: ${dark};`;
      return `--civic-${name}: var(${kern}, ${mode === 'light' ? light : dark});`;
    })
    .join('\n    ');
}

const scale = Object.entries(KERN_SCALE_MAP)
  .map(([name, [kern, value]]) => `--civic-${name}: var(${kern}, ${value});`)
  .join('\n    ');

/**
 * The KERN-UX preset as a stylesheet. Declared on every element where KERN switches its theme,
 * because a custom property that refers to `--kern-*` is resolved where it is declared.
 */
export const kernTheme: CSSResult = css`
  :root,
  [data-kern-theme='light'],
  .kern-light {
    ${unsafeCSS(scale)}
    ${unsafeCSS(colors('light'))}
  }
  [data-kern-theme='dark'],
  .kern-dark {
    ${unsafeCSS(colors('dark'))}
    color-scheme: dark;
  }
  civic-config[theme='dark'],
  [data-civic-theme='dark'] {
    ${unsafeCSS(colors('fixed-dark'))}
  }
  @media (prefers-color-scheme: dark) {
    civic-config[theme='auto'],
    [data-civic-theme='auto'] {
      ${unsafeCSS(colors('fixed-dark'))}
    }
  }
`;
