import { css, type CSSResult } from 'lit';

/**
 * The `--civic-*` design tokens (documented in docs/theming.md). They sit on `:where(:root)`
 * (specificity 0), so any rule a page or agency writes — `:root { --civic-color-primary: … }` — wins.
 *
 * Light is the default: most town websites are light, and a widget must not turn dark on a light
 * page because the visitor's system is dark. Dark values apply inside `<civic-config theme="dark">`
 * (or any element with `data-civic-theme="dark"`), and with `theme="auto"` when the system prefers
 * dark. Dark values are set on that element, so a dark override belongs there too:
 * `civic-config[theme='dark'] { --civic-color-primary: … }`.
 *
 * Contrast: every text colour meets 4.5:1 on every surface it is used on, and `border`, `focus`
 * and `primary` meet 3:1 (test/theming/contrast.test.ts checks each pair of each theme).
 */
const light = css`
  --civic-color-primary: #0b5394;
  --civic-color-primary-hover: #083d6e;
  --civic-color-on-primary: #ffffff;
  --civic-color-link: #0b5394;
  --civic-color-text: #1b1f24;
  --civic-color-text-muted: #4a5561;
  --civic-color-surface: #ffffff;
  --civic-color-surface-raised: #f3f5f7;
  --civic-color-border: #6b7785;
  --civic-color-border-subtle: #d0d6dd;
  --civic-color-selected: #0b5394;
  --civic-color-on-selected: #ffffff;
  --civic-color-success: #1e6b2f;
  --civic-color-success-surface: #e6f4ea;
  --civic-color-warning: #7a4a00;
  --civic-color-warning-surface: #fff4d6;
  --civic-color-danger: #b3261e;
  --civic-color-danger-surface: #fdecea;
  --civic-color-info: #0b5394;
  --civic-color-info-surface: #e8f1fb;
  --civic-color-highlight: #fff0a8;
  --civic-color-focus: #1a73e8;
  --civic-color-backdrop: rgb(27 31 36 / 0.6);
  --civic-shadow-color: 216 20% 10%;
`;

const dark = css`
  --civic-color-primary: #8cc4ff;
  --civic-color-primary-hover: #b5d9ff;
  --civic-color-on-primary: #0a1a2b;
  --civic-color-link: #8cc4ff;
  --civic-color-text: #e9edf1;
  --civic-color-text-muted: #b7c0ca;
  --civic-color-surface: #15191e;
  --civic-color-surface-raised: #222830;
  --civic-color-border: #8e99a6;
  --civic-color-border-subtle: #3a434e;
  --civic-color-selected: #8cc4ff;
  --civic-color-on-selected: #0a1a2b;
  --civic-color-success: #8fd69f;
  --civic-color-success-surface: #173222;
  --civic-color-warning: #ffd27a;
  --civic-color-warning-surface: #3a2c0c;
  --civic-color-danger: #ffaaa3;
  --civic-color-danger-surface: #3d1714;
  --civic-color-info: #8cc4ff;
  --civic-color-info-surface: #16283d;
  --civic-color-highlight: #4d4300;
  --civic-color-focus: #8ab4f8;
  --civic-color-backdrop: rgb(0 0 0 / 0.7);
  --civic-shadow-color: 0 0% 0%;
`;

const scale = css`
  --civic-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --civic-font-family-mono: ui-monospace, 'SF Mono', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, monospace;
  --civic-font-size-sm: 0.875rem;
  --civic-font-size-md: 1rem;
  --civic-font-size-lg: 1.25rem;
  --civic-font-size-xl: 1.5rem;
  --civic-font-size-2xl: 2rem;
  --civic-font-size-display: 3rem;
  --civic-font-weight-normal: 400;
  --civic-font-weight-bold: 650;
  --civic-line-height: 1.5;
  --civic-line-height-tight: 1.25;
  --civic-space-2xs: 0.125rem;
  --civic-space-xs: 0.25rem;
  --civic-space-sm: 0.5rem;
  --civic-space-md: 1rem;
  --civic-space-lg: 1.5rem;
  --civic-space-xl: 2rem;
  --civic-space-2xl: 3rem;
  --civic-radius-sm: 0.25rem;
  --civic-radius-md: 0.5rem;
  --civic-radius-lg: 0.75rem;
  --civic-radius-pill: 999px;
  --civic-border-width: 1px;
  --civic-border-width-strong: 2px;
  --civic-focus-ring-width: 3px;
  --civic-focus-ring-offset: 2px;
  --civic-target-min: 2.75rem;
  --civic-motion-duration: 150ms;
  --civic-motion-duration-slow: 300ms;
  --civic-motion-easing: cubic-bezier(0.2, 0, 0, 1);
  --civic-shadow-sm: 0 1px 2px hsl(var(--civic-shadow-color) / 0.15);
  --civic-shadow: 0 2px 8px hsl(var(--civic-shadow-color) / 0.15);
  --civic-shadow-lg: 0 8px 24px hsl(var(--civic-shadow-color) / 0.2);
`;

export const tokenStyles: CSSResult = css`
  :where(:root) {
    ${scale}
    ${light}
  }
  :where(civic-config[theme='dark'], [data-civic-theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :where(civic-config[theme='auto'], [data-civic-theme='auto']) {
      ${dark}
      color-scheme: dark;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :where(:root) {
      --civic-motion-duration: 0ms;
      --civic-motion-duration-slow: 0ms;
    }
  }
`;

const installed = Symbol.for('civic-elements/tokens');

/**
 * Adds the token sheet to the document once (also across two copies of the library). Uses a
 * constructable stylesheet, so it works under a strict `style-src 'self'` policy.
 */
export function ensureTokens(doc: Document = document): void {
  const host = doc as Document & { [installed]?: boolean };
  if (host[installed]) return;
  host[installed] = true;
  const sheet = tokenStyles.styleSheet;
  if (sheet) doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
}

/**
 * Shared host styles for every widget: font, colours, focus ring, forced colours, and the
 * `[hidden]` rule. Widgets add their own styles after this.
 */
export const baseStyles: CSSResult = css`
  :host {
    box-sizing: border-box;
    display: block;
    font-family: var(--civic-font-family);
    font-size: var(--civic-font-size-md);
    line-height: var(--civic-line-height);
    color: var(--civic-color-text);
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--civic-focus-ring-width) solid var(--civic-color-focus);
    outline-offset: var(--civic-focus-ring-offset);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    /* The browser forces text, background and border colours itself; these tokens also feed
       properties it leaves alone (SVG fill, a forced-color-adjust: none region). */
    :host {
      --civic-color-primary: LinkText;
      --civic-color-border: CanvasText;
      --civic-color-selected: SelectedItem;
      --civic-color-on-selected: SelectedItemText;
      --civic-color-focus: Highlight;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    /* A selected/pressed/checked state must not rely on a background colour the browser removes. */
    [aria-selected='true'],
    [aria-pressed='true'],
    [aria-checked='true'],
    [aria-current]:not([aria-current='false']) {
      forced-color-adjust: none;
      background-color: SelectedItem;
      color: SelectedItemText;
      border-color: SelectedItemText;
    }
    [aria-disabled='true'],
    :disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
