import { css } from 'lit';

// The launcher floats over the page. So that it never hides the end of the page or a focused
// element (WCAG 2.4.11), the element keeps a strip (.reserve) as high as the launcher and its offset
// in the page flow (the tag goes at the end of <body>), and the page scrolls focused elements above
// that strip (scroll-padding, set by the element). `--civic-chat-reserve: none` switches both off.
// .base is a column-reverse flex box: the button comes first in the DOM (and the tab order), the
// panel shows above it. The panel's frame is styled by the panel's own styles (loaded with it).
// :host (block, font, colour) and [hidden] come from core's baseStyles.
// Forced colours: --civic-color-primary is LinkText there, a system colour the browser would keep as
// the launcher's fill (its label then sat on a backplate); a button's fill it is. Text and border
// colours the browser forces to ButtonText itself.
export const launcherStyles = css`
  :host(:not([mode='inline'])) .base {
    position: fixed;
    inset-block-end: var(--civic-chat-offset, var(--civic-space-md));
    inset-inline-end: var(--civic-chat-offset, var(--civic-space-md));
    z-index: var(--civic-chat-z-index, 1000);
  }
  :host([position='start']) .base {
    align-items: flex-start;
    inset-inline-end: auto;
    inset-inline-start: var(--civic-chat-offset, var(--civic-space-md));
  }
  :host([mode='inline']) .reserve {
    display: none;
  }
  .reserve {
    display: var(--civic-chat-reserve, block);
    block-size: calc(
      max(var(--civic-target-min), 1lh + 2 * var(--civic-space-sm)) + 4px + 2 * var(--civic-chat-offset, var(--civic-space-md))
    );
  }
  .base {
    display: flex;
    flex-direction: column-reverse;
    align-items: flex-end;
    gap: var(--civic-space-sm);
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
  @media (forced-colors: active) {
    .launcher {
      background: ButtonFace;
    }
    .badge {
      border: solid;
    }
  }
  .load-error {
    background: var(--civic-color-surface);
    color: var(--civic-color-danger);
    padding: var(--civic-space-sm);
    border-radius: var(--civic-radius-sm);
  }
`;
