import { registerStrings } from '@civic-elements/core';
import de from './de.js';

/**
 * Registers the panel's texts (namespace `chat`): German here, in its own chunk that `<civic-chat>`
 * loads in parallel with the panel on first open; the other languages load when needed.
 */
export function registerPanelStrings(): void {
  registerStrings('chat', {
    de,
    en: () => import('./en.js').then((m) => m.default),
    tr: () => import('./tr.js').then((m) => m.default),
    ar: () => import('./ar.js').then((m) => m.default),
    uk: () => import('./uk.js').then((m) => m.default),
    'de-x-ls': () => import('./de-x-ls.js').then((m) => m.default),
  });
}
