import { registerStrings } from '@civic-elements/core';
import de from './de.js';

/** Namespace of the attachment texts. */
export const FILES_NS = 'chat-files';

/**
 * Registers the attachment texts: German bundled with the attachments chunk, the other languages
 * loaded when needed. Called by the attachments chunk, and by the package entry so that every
 * namespace of the package is registered once `@civic-elements/chat` is imported.
 */
export function registerFileStrings(): void {
  registerStrings(FILES_NS, {
    de,
    en: () => import('./en.js').then((m) => m.default),
    tr: () => import('./tr.js').then((m) => m.default),
    ar: () => import('./ar.js').then((m) => m.default),
    uk: () => import('./uk.js').then((m) => m.default),
    'de-x-ls': () => import('./de-x-ls.js').then((m) => m.default),
  });
}
