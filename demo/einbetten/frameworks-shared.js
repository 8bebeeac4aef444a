// Shared by the React and Vue pages of the demo (/einbetten/react/, /einbetten/vue/): the widget
// they embed, the languages to switch between and how an event is shown. Plain data, no framework.

/** The widget both pages embed. */
export const TAG = 'civic-appointment-picker';

/** The six languages of Civic Elements; `de-x-ls` is Leichte Sprache (German). */
export const LANGUAGES = [
  { value: 'de', name: 'Deutsch' },
  { value: 'en', name: 'English' },
  { value: 'tr', name: 'Türkçe' },
  { value: 'ar', name: 'العربية' },
  { value: 'uk', name: 'Українська' },
  { value: 'de-x-ls', name: 'Leichte Sprache' },
];

/** Attributes of a language's <option>: its name is written in that language (WCAG 3.1.2). */
export function languageOption({ value }) {
  return { key: value, value, lang: value === 'de-x-ls' ? 'de' : value };
}

/**
 * A per-instance text override, passed as the `strings` property (an object, not an attribute):
 * the heading of the picker's first step, per language (other languages keep the widget's text;
 * `de-x-ls` falls back to `de`).
 */
export const TITLE_OVERRIDE = {
  de: { 'services.heading': 'Wofür brauchen Sie einen Termin im Bürgerbüro Musterstadt?' },
  en: { 'services.heading': 'What do you need an appointment at the Musterstadt citizens’ office for?' },
};

/** One line of the event log: the event's name and its detail (events carry no personal data). */
export function eventLine(event) {
  return `${event.type} ${JSON.stringify(event.detail ?? null)}`;
}
