/**
 * After "try again" the button is gone (the area re-renders while the code loads, and again when it
 * is there): the keyboard focus goes to the first heading of `ids` the widget shows, so it stays in
 * the area instead of falling back to the page. Only when the focus was lost, never taken from where
 * the citizen moved it.
 */
export function refocusAfterRetry(host: HTMLElement, ids: readonly string[]): void {
  const root = host.shadowRoot;
  if (!root || root.activeElement || (document.activeElement && document.activeElement !== document.body)) return;
  for (const id of ids) {
    const heading = root.getElementById(id);
    if (heading) {
      heading.focus();
      return;
    }
  }
}
