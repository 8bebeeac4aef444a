import { registerStrings } from '@civic-elements/core';
import de from './de.js';

/** The queue family's texts: German bundled, other languages loaded when first needed. */
export const NAMESPACE = 'queue';

registerStrings(NAMESPACE, {
  de,
  en: () => import('./en.js').then((m) => m.default),
});
