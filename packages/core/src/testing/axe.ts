import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };
  }
}

/** The WCAG 2.2 AA rule tags every state must pass. No rule is ever disabled. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function describeViolations(results: AxeResults): string {
  return results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}

export interface AccessibleOptions {
  /**
   * A selector that must match inside the element (its shadow root first, then its light DOM)
   * before axe runs: the heading or landmark of the state under test. It proves the state
   * rendered, so axe does not pass on an empty box.
   */
  state: string;
}

function findState(el: Element, selector: string): Element | null {
  return el.shadowRoot?.querySelector(selector) ?? el.querySelector(selector) ?? (el.matches(selector) ? el : null);
}

/** Runs axe-core with the WCAG 2.2 AA tags on `el` and throws listing every violation. */
export async function expectAccessible(el: Element, options: AccessibleOptions): Promise<void> {
  if (!findState(el, options.state)) {
    throw new Error(`expectAccessible: the state "${options.state}" did not render in <${el.localName}>`);
  }
  const results = await window.axe.run(el, { runOnly: { type: 'tag', values: WCAG_TAGS } });
  if (results.violations.length > 0) {
    throw new Error(`${results.violations.length} accessibility violation(s):\n${describeViolations(results)}`);
  }
}

/** Runs axe and returns the violations' rule ids (for tests that expect a violation). */
export async function axeViolationIds(el: Element): Promise<string[]> {
  const results = await window.axe.run(el, { runOnly: { type: 'tag', values: WCAG_TAGS } });
  return results.violations.map((v) => v.id);
}
