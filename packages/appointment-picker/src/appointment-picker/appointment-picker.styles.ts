import { css } from 'lit';
import { baseStyles } from '@civic-elements/core';

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
    .invalid {
      color: var(--civic-color-danger);
      font-weight: var(--civic-font-weight-bold);
      margin: var(--civic-space-xs) 0;
    }
    .success {
      color: var(--civic-color-success);
      font-weight: var(--civic-font-weight-bold);
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
    .error {
      padding: var(--civic-space-sm) var(--civic-space-md);
      border-inline-start: 4px solid var(--civic-color-danger);
      background: var(--civic-color-danger-surface);
      margin: var(--civic-space-md) 0;
    }
    @media (max-width: 30rem) {
      .summary {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
];
