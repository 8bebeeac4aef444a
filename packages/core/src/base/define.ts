/**
 * Registers a custom element once. A second load of the library (two script tags, an npm copy and a
 * CDN copy) must never throw "already defined": it warns once per tag and keeps the first definition.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) {
      console.warn(
        `[civic-elements] <${tag}> is already defined; a second copy of the library was loaded. ` +
          'The first definition stays in use.',
      );
    }
    return;
  }
  customElements.define(tag, ctor);
}
