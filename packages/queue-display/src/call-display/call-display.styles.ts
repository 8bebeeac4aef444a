import { css } from 'lit';

// Forced colours: --civic-color-primary is LinkText there, a system colour the browser keeps as a
// background, so the start button is drawn as a button (ButtonFace/ButtonText).
// A call's number takes what it needs and its place the rest: "Schalter 1" wraps between its
// words, inside a word only when one word alone is wider than the row.
export default css`
  :host {
    min-height: var(--civic-call-display-min-height, 100vh);
    font-size: var(--civic-call-display-font-size, clamp(1rem, 2.2vw, 3rem));
  }
  [part='base'] > *,
  header > *,
  .call > * {
    min-width: 0;
  }
  [part='base'] {
    overflow-wrap: anywhere;
    min-height: inherit;
    display: grid;
    grid-template-rows: auto auto 1fr auto;
    gap: 0.5em;
    padding: 0.75em 1em;
    background: var(--civic-call-display-background, var(--civic-color-surface));
    color: var(--civic-color-text);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 1em;
    border-bottom: var(--civic-border-width-strong) solid var(--civic-color-border);
    padding-bottom: 0.25em;
  }
  h2 {
    margin: 0;
    font-size: 1.3em;
    line-height: var(--civic-line-height-tight);
  }
  p {
    margin: 0;
  }
  .clock {
    font-family: var(--civic-font-family-mono);
    font-size: 1.6em;
    font-weight: var(--civic-font-weight-bold);
  }
  .welcome {
    font-size: 1em;
  }
  .calls {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.3em 1em;
    align-content: start;
  }
  .cols-2 {
    grid-template-columns: repeat(2, 1fr);
  }
  .cols-3 {
    grid-template-columns: repeat(3, 1fr);
  }
  .cols-4 {
    grid-template-columns: repeat(4, 1fr);
  }
  .call {
    display: grid;
    grid-template-columns: auto auto 1fr;
    align-items: center;
    gap: 0.5em;
    padding: 0.2em 0.5em;
    border-radius: var(--civic-radius-md);
    border: var(--civic-border-width) solid var(--civic-color-border-subtle);
    font-size: 1.8em;
    line-height: 1.2;
  }
  @media (max-width: 40rem) {
    .calls.cols-2,
    .calls.cols-3,
    .calls.cols-4 {
      grid-template-columns: 1fr;
    }
    .call {
      font-size: 1.3em;
    }
  }
  .ticket {
    font-family: var(--civic-font-family-mono);
    font-weight: var(--civic-font-weight-bold);
  }
  .desk {
    text-align: end;
    overflow-wrap: break-word;
  }
  .call.newest {
    background: var(--civic-color-highlight);
    border: var(--civic-border-width-strong) solid var(--civic-color-text);
  }
  .call.blink {
    animation: civic-blink 1s steps(2, jump-none) 3;
  }
  @keyframes civic-blink {
    50% {
      background: var(--civic-color-primary);
      color: var(--civic-color-on-primary);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .call.blink {
      animation: none;
    }
  }
  footer {
    display: grid;
    gap: 0.3em;
    border-top: var(--civic-border-width-strong) solid var(--civic-color-border);
    padding-top: 0.25em;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 2em;
    font-weight: var(--civic-font-weight-bold);
  }
  .ticker {
    font-size: 0.9em;
  }
  .stale {
    padding: 0.2em 0.5em;
    border-inline-start: 0.3em solid var(--civic-color-warning);
    background: var(--civic-color-warning-surface);
  }
  .start {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    font-size: 0.8em;
  }
  button {
    font: inherit;
    min-height: var(--civic-target-min);
    padding: 0.2em 1em;
    border-radius: var(--civic-radius-md);
    border: var(--civic-border-width) solid var(--civic-color-primary);
    background: var(--civic-color-primary);
    color: var(--civic-color-on-primary);
    cursor: pointer;
  }
  .notice {
    padding: 0.5em;
  }
  @media (forced-colors: active) {
    button {
      background-color: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
    /* The newest call's highlight fill is dropped: a frame several times as thick instead (not
       SelectedItem: with forced-color-adjust none it follows the dark theme's color-scheme). */
    .call.newest {
      border-width: 0.25em;
    }
  }
`;
