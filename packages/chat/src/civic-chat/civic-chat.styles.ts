import { css } from 'lit';

export const launcherStyles = css`
  :host {
    display: block;
    font-family: var(--civic-font-family);
    line-height: var(--civic-line-height);
    color: var(--civic-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  :host(:not([mode='inline'])) {
    position: fixed;
    inset-block-end: var(--civic-chat-offset, var(--civic-space-md));
    inset-inline-end: var(--civic-chat-offset, var(--civic-space-md));
    z-index: var(--civic-chat-z-index, 1000);
  }
  :host(:not([mode='inline'])[position='start']) {
    inset-inline-end: auto;
    inset-inline-start: var(--civic-chat-offset, var(--civic-space-md));
  }
  .base {
    display: flex;
    /* The button comes first in the DOM (and in the tab order), the panel shows above it. */
    flex-direction: column-reverse;
    align-items: flex-end;
    gap: var(--civic-space-sm);
  }
  :host([position='start']) .base {
    align-items: flex-start;
  }
  .launcher {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--civic-space-xs);
    min-block-size: var(--civic-target-min);
    min-inline-size: var(--civic-target-min);
    padding: var(--civic-space-sm) var(--civic-space-md);
    border: 2px solid var(--civic-color-on-primary);
    border-radius: var(--civic-radius-pill);
    background: var(--civic-color-primary);
    color: var(--civic-color-on-primary);
    font: inherit;
    font-weight: var(--civic-font-weight-bold);
    box-shadow: var(--civic-shadow);
    cursor: pointer;
  }
  .launcher:hover {
    background: var(--civic-color-primary-hover);
  }
  .launcher svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: currentColor;
  }
  .badge {
    min-inline-size: 1.5rem;
    padding: 0 var(--civic-space-xs);
    border-radius: var(--civic-radius-pill);
    background: var(--civic-color-danger);
    color: #fff;
    font-size: var(--civic-font-size-sm);
    text-align: center;
  }
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
  .load-error {
    background: var(--civic-color-surface);
    color: var(--civic-color-danger);
    padding: var(--civic-space-sm);
    border-radius: var(--civic-radius-sm);
  }
`;
