import { css, type CSSResult } from 'lit';

/**
 * A sample town brand: Musterstadt's red, as a town would write its own theme. Copy this file's
 * pattern (or the CSS it builds, `themes/musterstadt.css`) and change the values; test them with
 * test/theming/contrast.test.ts. Only colours change: the scale stays the library's.
 *
 * Specificity `:root` (0,1,0) beats the library defaults on `:where(:root)`; the dark block beats the
 * library's dark values on the same element.
 */
export const musterstadtTheme: CSSResult = css`
  :root {
    --civic-color-primary: #8b1a1a;
    --civic-color-primary-hover: #6d1414;
    --civic-color-on-primary: #ffffff;
    --civic-color-link: #8b1a1a;
    --civic-color-selected: #8b1a1a;
    --civic-color-on-selected: #ffffff;
    --civic-color-surface-raised: #f5f3f0;
    --civic-color-border-subtle: #ddd6cf;
    --civic-color-highlight: #fde9c4;
    --civic-color-focus: #1a5fb4;
    --civic-radius-md: 0.25rem;
  }
  civic-config[theme='dark'],
  [data-civic-theme='dark'] {
    --civic-color-primary: #ffaba3;
    --civic-color-primary-hover: #ffccc7;
    --civic-color-on-primary: #2b0707;
    --civic-color-link: #ffaba3;
    --civic-color-selected: #ffaba3;
    --civic-color-on-selected: #2b0707;
    --civic-color-focus: #8ab4f8;
  }
  @media (prefers-color-scheme: dark) {
    civic-config[theme='auto'],
    [data-civic-theme='auto'] {
      --civic-color-primary: #ffaba3;
      --civic-color-primary-hover: #ffccc7;
      --civic-color-on-primary: #2b0707;
      --civic-color-link: #ffaba3;
      --civic-color-selected: #ffaba3;
      --civic-color-on-selected: #2b0707;
      --civic-color-focus: #8ab4f8;
    }
  }
`;
