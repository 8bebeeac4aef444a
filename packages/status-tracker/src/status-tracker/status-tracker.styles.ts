import { css } from 'lit';

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
  .small {
    min-block-size: 1.5rem;
    padding: 0 var(--civic-space-sm);
    font-size: var(--civic-font-size-sm);
    margin-inline-start: var(--civic-space-sm);
  }
  a {
    color: var(--civic-color-primary);
  }
  a.button {
    color: var(--civic-color-on-primary);
  }
  .ref {
    font-size: var(--civic-font-size-lg);
    overflow-wrap: anywhere;
  }
  .status {
    border: 2px solid var(--civic-color-border-subtle);
    border-radius: var(--civic-radius-md);
    padding: var(--civic-space-md);
    transition: background-color var(--civic-motion-duration);
  }
  .status.changed {
    background: var(--civic-color-highlight);
    border-color: var(--civic-color-border);
  }
  .status-label,
  .decision {
    font-size: var(--civic-font-size-lg);
    font-weight: var(--civic-font-weight-bold);
  }
  .banner {
    background: var(--civic-color-warning-surface);
    border-inline-start: 4px solid var(--civic-color-warning);
    padding: var(--civic-space-sm) var(--civic-space-md);
  }
  .steps,
  .history,
  .actions,
  .documents {
    padding-inline-start: 0;
    list-style: none;
    display: grid;
    gap: var(--civic-space-sm);
  }
  .step {
    display: grid;
    padding-inline-start: var(--civic-space-lg);
    border-inline-start: 4px solid var(--civic-color-border-subtle);
  }
  .step.done {
    border-inline-start-color: var(--civic-color-success);
  }
  .step.current {
    border-inline-start-color: var(--civic-color-primary);
    font-weight: var(--civic-font-weight-bold);
  }
  .step-state,
  .when,
  .actor,
  .due {
    font-size: var(--civic-font-size-sm);
    color: var(--civic-color-text-muted);
  }
  .due {
    color: var(--civic-color-text);
    font-weight: var(--civic-font-weight-bold);
  }
  .action {
    border: 1px solid var(--civic-color-border-subtle);
    border-radius: var(--civic-radius-md);
    padding: var(--civic-space-md);
    display: grid;
    gap: var(--civic-space-xs);
    justify-items: start;
  }
  .history li {
    display: grid;
  }
  dl.dates,
  .contact dl {
    display: grid;
    gap: var(--civic-space-xs);
  }
  dt {
    font-weight: var(--civic-font-weight-bold);
  }
  .live,
  .remember {
    border-block-start: 1px solid var(--civic-color-border-subtle);
    padding-block-start: var(--civic-space-md);
    display: grid;
    gap: var(--civic-space-sm);
    justify-items: start;
  }
  .check {
    display: flex;
    gap: var(--civic-space-sm);
    align-items: center;
  }
  input[type='checkbox'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--civic-color-primary);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-sm);
  }
  @media (forced-colors: active) {
    .status.changed {
      border-color: Highlight;
    }
    .step.current {
      border-inline-start-color: Highlight;
    }
  }
  @media print {
    :host {
      color: #000;
      font-size: 10pt;
      line-height: 1.3;
    }
    h2 {
      font-size: 14pt;
    }
    h3 {
      font-size: 11pt;
      margin-block-end: 0;
    }
    h4 {
      font-size: 10pt;
    }
    .status-label,
    .decision,
    .ref {
      font-size: 11pt;
    }
    .step,
    .history li,
    .action {
      display: block;
    }
    .step-state,
    .when,
    .actor,
    .detail {
      margin-inline-start: 0.5em;
    }
    dl.dates,
    .contact dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }
    dt,
    dd {
      display: inline;
    }
    dt::after {
      content: ': ';
    }
    .no-print,
    button,
    .fallback {
      display: none !important;
    }
    .case > * + * {
      margin-block-start: 0.5rem;
    }
    .status,
    .action,
    .banner {
      padding: 0.25rem 0.5rem;
      background: none;
      break-inside: avoid;
    }
    a.button {
      color: #000;
      background: none;
      border: none;
      padding: 0;
      min-block-size: 0;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-weight: normal;
      font-size: 8pt;
    }
    .steps,
    .history,
    .actions {
      gap: 0.125rem;
    }
  }
`;
