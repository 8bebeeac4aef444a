import '@civic-elements/core/testing';

interface AxeInternals {
  setup(root: Node): void;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
}

/**
 * The accessible name of an element as a screen reader gets it, computed by axe-core's
 * implementation of the accessible-name algorithm (the one its rules use; it keeps the spaces
 * Chromium keeps, e.g. a whitespace text node between two spans).
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
