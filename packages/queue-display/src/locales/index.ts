import { registerStrings, type Strings } from '@civic-elements/core';
import de from './de.js';

/** The queue family's texts: German bundled, other languages loaded when first needed. */
export const NAMESPACE = 'queue';

const loaders: Record<string, () => Promise<Strings>> = {
  en: () => import('./en.js').then((m) => m.default),
  tr: () => import('./tr.js').then((m) => m.default),
  ar: () => import('./ar.js').then((m) => m.default),
  uk: () => import('./uk.js').then((m) => m.default),
  'de-x-ls': () => import('./de-x-ls.js').then((m) => m.default),
};

registerStrings(NAMESPACE, { de, ...loaders });

/** The spoken call text of a language (`board.speak`), for speech in several languages at once. */
export async function spokenTemplate(lang: string): Promise<string | undefined> {
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0] ?? '';
  const strings = base === 'de' && tag !== 'de-x-ls' ? de : await (loaders[tag] ?? loaders[base])?.();
  const board = strings?.['board'];
  const speak = typeof board === 'object' ? board['speak'] : undefined;
  return typeof speak === 'string' ? speak : undefined;
}
