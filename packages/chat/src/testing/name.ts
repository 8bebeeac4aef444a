import '@civic-elements/core/testing';

interface AxeInternals {
  setup(root: Node): void;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
}

/**
 * The accessible name of an element by axe-core's implementation of the accessible-name algorithm
 * (the one its rules use). Synchronous and per element, but not always Chromium's: Chromium adds a
 * space around an absolutely positioned (visually hidden) span, axe does not — the launcher test
 * also reads Chromium's own tree (`a11ySnapshot`) for that reason.
 */
export function accessibleName(el: Element): string {
  const axe = (window as unknown as { axe: AxeInternals }).axe;
  axe.setup(el.ownerDocument);
  try {
    return axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(el));
  } finally {
    axe.teardown();
  }
}
