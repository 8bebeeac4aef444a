import { css } from 'lit';

// The styles of the online ticket's views (the queue display's form and own ticket, the virtual
// office's place in the waiting room): adopted with the view's code when it loads, after the
// element's own styles (queue-display.styles.ts), which hold everything the first view shows.
// Forced colours: an error line, red otherwise, is bold with a bar; the own call bold.
export const ticketStyles = css`
  form {
    display: grid;
    gap: var(--civic-space-sm);
  }
  fieldset {
    border: var(--civic-border-width) solid var(--civic-color-border);
    border-radius: var(--civic-radius-md);
    padding: var(--civic-space-sm) var(--civic-space-md);
    margin: 0;
    display: grid;
    gap: var(--civic-space-xs);
  }
  legend {
    font-weight: var(--civic-font-weight-bold);
    padding: 0 var(--civic-space-xs);
  }
  label {
    display: flex;
    gap: var(--civic-space-sm);
    align-items: center;
    min-height: var(--civic-target-min);
  }
  .field {
    display: grid;
    gap: var(--civic-space-2xs);
  }
  .field label {
    min-height: auto;
  }
  input[inputmode='email'] {
    font: inherit;
    padding: var(--civic-space-xs) var(--civic-space-sm);
    border: var(--civic-border-width) solid var(--civic-color-border);
    border-radius: var(--civic-radius-sm);
    min-height: var(--civic-target-min);
    max-width: 32rem;
    color: var(--civic-color-text);
    background: var(--civic-color-surface);
  }
  input[aria-invalid='true'] {
    border-color: var(--civic-color-danger);
    border-width: var(--civic-border-width-strong);
  }
  .error-text {
    color: var(--civic-color-danger);
  }
  .ticket-number {
    font-family: var(--civic-font-family-mono);
    font-size: clamp(var(--civic-font-size-2xl), 12vw, var(--civic-font-size-display));
    font-weight: var(--civic-font-weight-bold);
    line-height: 1;
    margin: 0;
  }
  .ticket {
    padding: var(--civic-space-md);
    border: var(--civic-border-width-strong) solid var(--civic-color-primary);
    border-radius: var(--civic-radius-lg);
    background: var(--civic-color-surface-raised);
  }
  @media (forced-colors: active) {
    .error-text {
      font-weight: bold;
      border-inline-start: 4px solid;
      padding-inline-start: 0.25em;
    }
    .called {
      font-weight: bold;
    }
  }
`;
