import { css } from 'lit';

// Forced colours: --civic-color-primary is LinkText there, a system colour the browser keeps as a
// background (the label would sit on a Canvas backplate inside a LinkText block), so primary
// buttons are ButtonFace/ButtonText and the join/appointment links bordered links; busy buttons are
// GrayText at full opacity. The online ticket's form and views have their own styles, loaded with
// their code (../shared/ticket.styles.ts).
export default css`
  [part='base'] {
    display: grid;
    gap: var(--civic-space-md);
    padding: var(--civic-queue-padding, var(--civic-space-md));
    background: var(--civic-color-surface);
    border: var(--civic-border-width) solid var(--civic-color-border-subtle);
    border-radius: var(--civic-radius-lg);
  }
  [part='base'] > *,
  section > * {
    min-width: 0;
  }
  [part='base'] {
    overflow-wrap: anywhere;
  }
  .table-wrap {
    overflow-x: auto;
  }
  h2,
  h3 {
    margin: 0;
    line-height: var(--civic-line-height-tight);
  }
  h2 {
    font-size: var(--civic-font-size-xl);
  }
  h3 {
    font-size: var(--civic-font-size-lg);
  }
  p {
    margin: 0;
  }
  .open-state {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-xs) var(--civic-space-md);
  }
  .badge {
    font-weight: var(--civic-font-weight-bold);
    padding: 0 var(--civic-space-sm);
    border-radius: var(--civic-radius-pill);
    border: var(--civic-border-width) solid currentColor;
  }
  .badge.open {
    color: var(--civic-color-success);
    background: var(--civic-color-success-surface);
  }
  .badge.closed {
    color: var(--civic-color-text);
    background: var(--civic-color-warning-surface);
  }
  .notice {
    padding: var(--civic-space-sm) var(--civic-space-md);
    border-radius: var(--civic-radius-md);
    border-inline-start: 4px solid var(--civic-color-warning);
    background: var(--civic-color-warning-surface);
  }
  .notice.info {
    border-color: var(--civic-color-info);
    background: var(--civic-color-info-surface);
  }
  .notice.success {
    border-color: var(--civic-color-success);
    background: var(--civic-color-success-surface);
  }
  .notice.error {
    border-color: var(--civic-color-danger);
    background: var(--civic-color-danger-surface);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: var(--civic-space-xs) var(--civic-space-sm);
    border-bottom: var(--civic-border-width) solid var(--civic-color-border-subtle);
  }
  .serving td:first-child {
    font-family: var(--civic-font-family-mono);
    font-weight: var(--civic-font-weight-bold);
    font-size: var(--civic-font-size-lg);
  }
  .serving tr.newest {
    background: var(--civic-color-highlight);
  }
  .muted {
    color: var(--civic-color-text-muted);
    font-size: var(--civic-font-size-sm);
  }
  section {
    display: grid;
    gap: var(--civic-space-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-sm);
  }
  button {
    font: inherit;
    min-height: var(--civic-target-min);
    padding: var(--civic-space-xs) var(--civic-space-md);
    border-radius: var(--civic-radius-md);
    border: var(--civic-border-width) solid var(--civic-color-primary);
    background: var(--civic-color-surface);
    color: var(--civic-color-primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--civic-color-primary);
    color: var(--civic-color-on-primary);
  }
  button.primary:hover {
    background: var(--civic-color-primary-hover);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  dl {
    margin: 0;
  }
  dt {
    font-size: var(--civic-font-size-sm);
    color: var(--civic-color-text-muted);
  }
  dd {
    margin: 0;
  }
  ul.figures {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .hours div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--civic-space-sm);
  }
  .hours dt {
    min-width: 8em;
    font-size: inherit;
    color: inherit;
  }
  a.join,
  a.appointment {
    display: inline-flex;
    align-items: center;
    min-height: var(--civic-target-min);
    padding: var(--civic-space-xs) var(--civic-space-lg);
    border-radius: var(--civic-radius-md);
    background: var(--civic-color-primary);
    color: var(--civic-color-on-primary);
    font-weight: var(--civic-font-weight-bold);
    text-decoration: none;
  }
  a.join {
    font-size: var(--civic-font-size-xl);
  }
  a.join:hover,
  a.appointment:hover {
    background: var(--civic-color-primary-hover);
    text-decoration: underline;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--civic-focus-ring-width) solid var(--civic-color-focus);
  }
  @media (forced-colors: active) {
    button.primary,
    button.primary:hover {
      background: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
    button[aria-disabled='true'] {
      opacity: 1;
      color: GrayText;
      border-color: GrayText;
    }
    a.join,
    a.appointment,
    a:hover {
      background: Canvas;
      border: 1px solid;
    }
    /* The newest call's fill is dropped: inverted as the system's selection; the own call bold. */
    .serving tr.newest {
      forced-color-adjust: none;
      background: SelectedItem;
      color: SelectedItemText;
    }
  }
`;
