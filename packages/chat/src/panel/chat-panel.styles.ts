import { css } from 'lit';

/**
 * Styles of the panel, adopted into the launcher's shadow root when the panel loads.
 * Forced colours: the header's and the primary button's background is --civic-color-primary,
 * LinkText there — a system colour the browser keeps, with the text on Canvas backplates inside a
 * LinkText band — so the header is Canvas/CanvasText with a rule below, the button a button.
 */
export const panelStyles = css`
  .frame {
    inline-size: min(24rem, calc(100vw - 2 * var(--civic-chat-offset, var(--civic-space-md))));
    block-size: min(36rem, calc(100vh - 6rem));
    box-shadow: var(--civic-shadow);
    border-radius: var(--civic-radius-md);
  }
  :host([mode='inline']) .frame {
    inline-size: 100%;
    block-size: var(--civic-chat-inline-height, 32rem);
  }
  .frame[hidden] {
    display: none;
  }
  .panel {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100%;
    background: var(--civic-color-surface);
    color: var(--civic-color-text);
    border: 1px solid var(--civic-color-border-subtle);
    border-radius: var(--civic-radius-md);
    overflow: hidden;
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--civic-space-sm);
    padding: var(--civic-space-sm) var(--civic-space-md);
    background: var(--civic-chat-header-background, var(--civic-color-primary));
    color: var(--civic-chat-header-color, var(--civic-color-on-primary));
  }
  h2 {
    margin: 0;
    font-size: var(--civic-font-size-lg);
  }
  h3,
  h4 {
    margin: var(--civic-space-md) 0 var(--civic-space-xs);
    font-size: var(--civic-font-size-md);
  }
  .body {
    flex: 1;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
    padding: var(--civic-space-sm) var(--civic-space-md);
    overflow: auto;
  }
  p {
    margin: var(--civic-space-xs) 0;
  }
  button {
    font: inherit;
    min-block-size: var(--civic-target-min);
    padding: var(--civic-space-xs) var(--civic-space-md);
    border-radius: var(--civic-radius-sm);
    border: 1px solid var(--civic-color-border);
    background: var(--civic-color-surface);
    color: var(--civic-color-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--civic-color-primary);
    color: var(--civic-color-on-primary);
    border-color: var(--civic-color-primary);
  }
  button.close {
    background: transparent;
    color: inherit;
    border-color: currentColor;
  }
  .offline-form {
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-xs);
  }
  .offline-form input[inputmode='email'],
  .offline-form textarea {
    font: inherit;
    font-size: max(16px, 1rem);
    padding: var(--civic-space-xs) var(--civic-space-sm);
    border: 1px solid var(--civic-color-border);
    border-radius: var(--civic-radius-sm);
    background: var(--civic-color-surface);
    color: var(--civic-color-text);
  }
  .offline-sent {
    padding: var(--civic-space-sm);
    background: var(--civic-color-success-surface);
    color: var(--civic-color-success);
    border-radius: var(--civic-radius-sm);
  }
  .hours {
    margin: 0;
    padding-inline-start: var(--civic-space-lg);
  }
  .consent {
    display: flex;
    gap: var(--civic-space-sm);
    align-items: flex-start;
    margin-block: var(--civic-space-sm);
  }
  .consent input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
  }
  .field-error,
  .error,
  .state--failed {
    color: var(--civic-color-danger);
  }
  a {
    color: inherit;
  }
  .conversation {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-xs);
    flex: 1;
    min-block-size: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-xs);
  }
  .who,
  .notice,
  .typing,
  .event {
    color: var(--civic-color-text-muted);
    font-size: var(--civic-font-size-sm);
  }
  .event {
    text-align: center;
  }
  /* Scrolls the "show earlier" control (and its error) with the log: the reading position stays. */
  .scroller {
    flex: 1;
    min-block-size: 8rem;
    overflow-y: auto;
    display: flex;
    flex-direction: column;
    gap: var(--civic-space-xs);
  }
  .earlier {
    align-self: center;
  }
  /* Block layout, not flex: appending to 1,000 messages then lays out the new one only (bench/). */
  .log {
    flex: 1;
    padding: var(--civic-space-xs);
  }
  .log > * + * {
    margin-block-start: var(--civic-space-sm);
  }
  .msg {
    inline-size: fit-content;
    max-inline-size: 85%;
    padding: var(--civic-space-xs) var(--civic-space-sm);
    border-radius: var(--civic-radius-md);
    background: var(--civic-color-surface-raised);
  }
  .msg--citizen {
    margin-inline-start: auto;
    background: var(--civic-color-info-surface);
  }
  .meta {
    display: flex;
    gap: var(--civic-space-sm);
    font-size: var(--civic-font-size-sm);
    color: var(--civic-color-text-muted);
  }
  .author {
    font-weight: var(--civic-font-weight-bold);
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .state {
    font-size: var(--civic-font-size-sm);
    color: var(--civic-color-text-muted);
  }
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--civic-space-xs);
  }
  .suggestion {
    border-radius: var(--civic-radius-pill);
    border-color: var(--civic-color-primary);
  }
  .composer {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--civic-space-xs) var(--civic-space-sm);
    align-items: end;
  }
  .composer label {
    grid-column: 1 / -1;
    font-size: var(--civic-font-size-sm);
  }
  textarea {
    /* At least 16 px: smaller text makes iOS zoom into the page. */
    font: inherit;
    font-size: max(16px, 1rem);
    min-inline-size: 0;
    padding: var(--civic-space-xs) var(--civic-space-sm);
    border: 1px solid var(--civic-color-border);
    border-radius: var(--civic-radius-sm);
    background: var(--civic-color-surface);
    color: var(--civic-color-text);
    resize: vertical;
  }
  .files,
  .composer-error {
    grid-column: 1 / -1;
  }
  .files-hint,
  .file-size,
  .upload .state {
    font-size: var(--civic-font-size-sm);
    color: var(--civic-color-text-muted);
  }
  /* The live region is always there (so its text is announced), without a box while empty. */
  .files-lost {
    margin: 0;
  }
  .files-lost:not(:empty) {
    margin-block: var(--civic-space-xs);
    padding: var(--civic-space-xs) var(--civic-space-sm);
    border-inline-start: 4px solid var(--civic-color-warning);
    background: var(--civic-color-warning-surface);
  }
  .uploads,
  .attachments {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .upload {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--civic-space-xs);
    overflow-wrap: anywhere;
  }
  .drop-hint {
    position: absolute;
    inset: 0;
    z-index: 1;
    display: grid;
    place-items: center;
    margin: 0;
    border: 3px dashed var(--civic-color-primary);
    border-radius: var(--civic-radius-md);
    background: var(--civic-color-surface);
    font-weight: var(--civic-font-weight-bold);
    pointer-events: none;
  }
  @media (forced-colors: active) {
    .panel,
    .msg {
      border: 1px solid CanvasText;
    }
    .header {
      background: Canvas;
      color: CanvasText;
      border-block-end: 1px solid;
    }
    button.primary {
      background: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
    button.primary:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
