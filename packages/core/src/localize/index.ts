export { LocalizeController, resolveLang, type LocalizeOptions, type Translate, type TranslateOptions } from './localize-controller.js';
export { registerStrings, libraryI18n, DEFAULT_LANG, type Strings, type StringsLoader, type StringsByLanguage } from './strings.js';
export type { StringOverrides } from './overrides.js';
export type { DateInput, ZonedFormatOptions } from './format.js';
export { errorMessage } from './errors.js';
