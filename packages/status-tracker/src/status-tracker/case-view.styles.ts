import { css } from 'lit';

/**
 * Styles of the case overview (status, steps, actions, history, live, remember, print): adopted with its code.
 * Forced colours: core's baseStyles paint [aria-current] as SelectedItem with forced-color-adjust:
 * none, which the current step's children inherit — their own colours (the muted step line) would
 * stay unforced on the SelectedItem band — so everything in the band is SelectedItemText, and its
 * bar CanvasText (Highlight was invisible on the band).
 */
export const caseViewStyles = css`
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
    /* Its fill is dropped and a colour alone hardly differs from CanvasText: a thicker frame. */
    .status.changed {
      border-color: Highlight;
      border-width: 4px;
      border-inline-start-width: 12px;
    }
    .step.current,
    .step.current * {
      color: SelectedItemText;
    }
    .step.current {
      border-inline-start-color: CanvasText;
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
