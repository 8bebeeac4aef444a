import { css } from 'lit';
import { baseStyles } from '@civic-elements/core';

/**
 * The first steps' styles; the later steps bring theirs (later-steps.styles.ts).
 * Forced colours: --civic-color-primary is LinkText there, a system colour the browser keeps as a
 * background (the label would sit on a Canvas backplate inside a LinkText block, a disabled one in
 * a washed-out block), so primary buttons are ButtonFace/ButtonText and disabled ones GrayText at
 * full opacity; the link-styled button has no box.
 */
export const styles = [
  baseStyles,
  css`
    .base {
      max-width: 48rem;
      overflow-wrap: anywhere;
    }
    h2 {
      font-size: var(--civic-font-size-xl);
      margin: 0 0 var(--civic-space-md);
    }
    h3 {
      font-size: var(--civic-font-size-lg);
      margin: var(--civic-space-md) 0 var(--civic-space-sm);
    }
    .progress,
    .hint,
    .count {
      color: var(--civic-color-text-muted);
      font-size: var(--civic-font-size-sm);
      margin: 0 0 var(--civic-space-sm);
    }
    .hint {
      display: block;
    }
    button,
    input,
    textarea {
      font: inherit;
      color: inherit;
    }
    button {
      min-height: var(--civic-target-min);
      padding: var(--civic-space-xs) var(--civic-space-md);
      border: 2px solid var(--civic-color-primary);
      border-radius: var(--civic-radius-sm);
      background: var(--civic-color-surface);
      color: var(--civic-color-primary);
      cursor: pointer;
    }
    button:hover {
      border-color: var(--civic-color-primary-hover);
    }
    button:disabled,
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.7;
    }
    button.primary {
      background: var(--civic-color-primary);
      color: var(--civic-color-on-primary);
    }
    button.primary:hover {
      background: var(--civic-color-primary-hover);
    }
    button.danger {
      background: var(--civic-color-danger);
      border-color: var(--civic-color-danger);
    }
    button.link {
      border-color: transparent;
      text-decoration: underline;
      padding-inline: var(--civic-space-xs);
    }
    input:not([type='checkbox']):not([type='radio']),
    textarea {
      width: 100%;
      min-height: var(--civic-target-min);
      padding: var(--civic-space-xs) var(--civic-space-sm);
      border: 1px solid var(--civic-color-border);
      border-radius: var(--civic-radius-sm);
      background: var(--civic-color-surface);
    }
    input[type='number'] {
      width: 6rem;
    }
    input[type='checkbox'],
    input[type='radio'] {
      width: 1.5rem;
      height: 1.5rem;
      margin: 0.125rem 0 0;
      flex: none;
      accent-color: var(--civic-color-primary);
    }
    [aria-invalid='true'] {
      border-color: var(--civic-color-danger) !important;
      border-width: 2px !important;
    }
    .field {
      margin-bottom: var(--civic-space-md);
    }
    .field > label {
      display: block;
      font-weight: var(--civic-font-weight-bold);
    }
    .invalid {
      color: var(--civic-color-danger);
      font-weight: var(--civic-font-weight-bold);
      margin: var(--civic-space-xs) 0;
    }
    .choices {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    .choice {
      display: flex;
      gap: var(--civic-space-sm);
      padding: var(--civic-space-sm) 0;
      border-bottom: 1px solid var(--civic-color-border-subtle);
    }
    .choice > div {
      min-width: 0;
      flex: 1;
    }
    .choice p {
      margin: var(--civic-space-2xs) 0;
    }
    .name {
      font-weight: var(--civic-font-weight-bold);
    }
    .facts {
      margin: var(--civic-space-xs) 0;
      padding-inline-start: var(--civic-space-md);
      font-size: var(--civic-font-size-sm);
    }
    .qty {
      display: block;
      margin-top: var(--civic-space-xs);
    }
    summary {
      cursor: pointer;
      min-height: var(--civic-target-min);
      display: flex;
      align-items: center;
    }
    .hours {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 var(--civic-space-sm);
      margin: 0;
    }
    .hours dd {
      margin: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--civic-space-sm);
      margin: var(--civic-space-md) 0;
    }
    .error {
      padding: var(--civic-space-sm) var(--civic-space-md);
      border-inline-start: 4px solid var(--civic-color-danger);
      background: var(--civic-color-danger-surface);
      margin: var(--civic-space-md) 0;
    }
    @media (forced-colors: active) {
      button.primary,
      button.primary:hover {
        background-color: ButtonFace;
        color: ButtonText;
        border-color: ButtonText;
      }
      button.link {
        border-color: Canvas;
      }
      button:disabled,
      button[aria-disabled='true'] {
        opacity: 1;
        color: GrayText;
        border-color: GrayText;
      }
    }
  `,
];
