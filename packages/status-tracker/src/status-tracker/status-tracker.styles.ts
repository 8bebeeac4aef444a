import { css } from 'lit';

/**
 * The lookup form's and the frame's styles; the case overview brings its own (case-view.styles.ts).
 * Forced colours: --civic-color-primary is LinkText there, a system colour the browser keeps as a
 * background (the label would sit on a Canvas backplate inside a LinkText block), so the primary
 * button is ButtonFace/ButtonText, GrayText while busy.
 */
export const styles = css`
  .base {
    /* Long e-mail addresses, URLs and references wrap instead of scrolling at 320 px. */
    overflow-wrap: anywhere;
  }
  .base > * + *,
  .case > * + *,
  form > * + * {
    margin-block-start: var(--civic-space-md);
  }
  h2,
  h3,
  h4,
  p,
  ol,
  ul,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: var(--civic-font-size-xl);
  }
  h3 {
    font-size: var(--civic-font-size-lg);
    margin-block-end: var(--civic-space-xs);
  }
  h4 {
    font-size: var(--civic-font-size-md);
  }
  .field {
    display: grid;
    gap: var(--civic-space-2xs);
    max-inline-size: 28rem;
  }
  label {
    font-weight: var(--civic-font-weight-bold);
  }
  .hint {
    color: var(--civic-color-text-muted);
    font-size: var(--civic-font-size-sm);
  }
  input[type='text'] {
    font: inherit;
    color: inherit;
    background: var(--civic-color-surface);
    min-block-size: var(--civic-target-min);
    padding: var(--civic-space-xs) var(--civic-space-sm);
    border: 2px solid var(--civic-color-border);
    border-radius: var(--civic-radius-sm);
    inline-size: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--civic-color-danger);
  }
  .field-error,
  .error {
    color: var(--civic-color-danger);
    font-weight: var(--civic-font-weight-bold);
  }
  .error {
    border-inline-start: 4px solid var(--civic-color-danger);
    background: var(--civic-color-danger-surface);
    padding: var(--civic-space-sm) var(--civic-space-md);
  }
  .error > * + * {
    margin-block-start: var(--civic-space-sm);
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--civic-target-min);
    padding: var(--civic-space-xs) var(--civic-space-md);
    border-radius: var(--civic-radius-sm);
    font: inherit;
    font-weight: var(--civic-font-weight-bold);
    text-decoration: none;
    cursor: pointer;
    border: 2px solid var(--civic-color-primary);
  }
  .primary {
    background: var(--civic-color-primary);
    color: var(--civic-color-on-primary);
  }
  .primary:hover {
    background: var(--civic-color-primary-hover);
  }
  .secondary {
    background: var(--civic-color-surface);
    color: var(--civic-color-primary);
  }
  @media (forced-colors: active) {
    .primary,
    .primary:hover {
      background-color: ButtonFace;
      border-color: ButtonText;
    }
    button.primary {
      color: ButtonText;
    }
    button.primary[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    a.button {
      border-color: LinkText;
    }
  }
`;
