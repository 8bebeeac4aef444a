import { css } from 'lit';

/**
 * Styles of the later steps (month grid, times, hold, forms, summary): adopted with their code.
 * Forced colours: a day without free times is disabled — GrayText and no box (the browser would
 * draw its transparent border in CanvasText, like a free day's); a free day has a ButtonText box;
 * the chosen day is SelectedItem/SelectedItemText (not LinkText, which the browser would keep); the
 * hold and notice boxes, whose fill vanishes, get a border.
 */
export const laterStyles = css`
    .consent {
      display: flex;
      flex-wrap: wrap;
      gap: var(--civic-space-sm);
    }
    .consent > label {
      flex: 1 1 12rem;
      font-weight: normal;
    }
    .consent > .invalid {
      flex-basis: 100%;
    }
    .success {
      color: var(--civic-color-success);
      font-weight: var(--civic-font-weight-bold);
    }
    .month-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--civic-space-sm);
    }
    .month-nav h3 {
      margin: 0;
    }
    table {
      width: 100%;
      border-collapse: separate;
      border-spacing: 2px;
      table-layout: fixed;
    }
    th {
      font-size: var(--civic-font-size-sm);
      font-weight: normal;
      color: var(--civic-color-text-muted);
    }
    td[data-date] {
      text-align: center;
      height: var(--civic-target-min);
      border: 1px solid transparent;
      border-radius: var(--civic-radius-sm);
      cursor: default;
      line-height: 1.1;
      color: var(--civic-color-text-muted);
    }
    td.free {
      border-color: var(--civic-color-primary);
      color: var(--civic-color-text);
      font-weight: var(--civic-font-weight-bold);
      cursor: pointer;
    }
    td.free:hover {
      background: var(--civic-color-info-surface);
    }
    td[aria-selected='true'] {
      background: var(--civic-color-primary);
      color: var(--civic-color-on-primary);
    }
    td .mark {
      display: block;
      font-size: 0.6rem;
      min-height: 0.7rem;
    }
    .slots {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
      gap: var(--civic-space-sm);
    }
    .notice .slots,
    .slots:has(button:only-child) {
      grid-template-columns: 1fr;
    }
    .slot {
      width: 100%;
    }
    .notice,
    .hold {
      padding: var(--civic-space-sm) var(--civic-space-md);
      border-radius: var(--civic-radius-md);
      background: var(--civic-color-info-surface);
      margin: var(--civic-space-md) 0;
    }
    .hold.warn {
      background: var(--civic-color-warning-surface);
      color: var(--civic-color-warning);
      border: 2px solid currentColor;
    }
    .hold.warn button {
      background: var(--civic-color-surface);
    }
    .summary {
      display: grid;
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
      gap: var(--civic-space-xs) var(--civic-space-md);
      margin: var(--civic-space-md) 0;
    }
    .summary dt {
      font-weight: var(--civic-font-weight-bold);
    }
    .summary dd {
      margin: 0;
    }
    .summary ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .reference,
    .reference-line {
      font-size: var(--civic-font-size-lg);
      font-weight: var(--civic-font-weight-bold);
    }
    @media (max-width: 30rem) {
      .summary {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @media (forced-colors: active) {
      td[data-date] {
        border-color: Canvas;
      }
      td[aria-disabled='true'] {
        color: GrayText;
      }
      td.free {
        border-color: ButtonText;
      }
      td.free:hover {
        border-color: Highlight;
      }
      td[aria-selected='true'] {
        background-color: SelectedItem;
        color: SelectedItemText;
        border-color: SelectedItemText;
      }
      .hold.warn,
      .notice,
      .hold {
        border: 2px solid CanvasText;
      }
    }
`;
