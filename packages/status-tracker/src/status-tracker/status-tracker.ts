import { define, registerStrings } from '@civic-elements/core';
import { CivicStatusTracker } from './status-tracker.component.js';
import deLookup from '../locales/de-lookup.js';

// German is bundled (the fallback): the lookup's texts here, the case overview's with its code.
// Every other language is one file with all texts, loaded when a page asks for it.
registerStrings('status-tracker', {
  de: deLookup,
  en: () => import('../locales/en.js').then((m) => m.default),
  tr: () => import('../locales/tr.js').then((m) => m.default),
  ar: () => import('../locales/ar.js').then((m) => m.default),
  uk: () => import('../locales/uk.js').then((m) => m.default),
  'de-x-ls': () => import('../locales/de-x-ls.js').then((m) => m.default),
});

export { CivicStatusTracker };
define('civic-status-tracker', CivicStatusTracker);

declare global {
  interface HTMLElementTagNameMap {
    'civic-status-tracker': CivicStatusTracker;
  }
}
