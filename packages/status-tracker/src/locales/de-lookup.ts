import type { Strings } from '@civic-elements/core';

/**
 * German texts of `<civic-status-tracker>` (namespace `status-tracker`) that its first chunk needs:
 * the lookup form, loading and error texts, announcements. The case overview's texts
 * (de-case-view.ts) are registered by its code when it loads; de.ts joins both — the reference
 * every language is checked against.
 */
const deLookup = {
  heading: 'Stand Ihres Antrags',
  intro: 'Geben Sie das Aktenzeichen aus Ihrer Eingangsbestätigung ein.',
  reference: 'Aktenzeichen',
  referenceHint: 'Zum Beispiel MS-2026-004711',
  birthdate: 'Ihr Geburtsdatum',
  birthdateHint: 'Tag.Monat.Jahr, zum Beispiel 12.03.1984',
  passcode: 'Zugangscode',
  passcodeHint: 'Steht in Ihrem Brief oder in Ihrer E-Mail, zum Beispiel K7QF-92LM',
  submit: 'Antrag anzeigen',
  searching: 'Antrag wird gesucht …',
  loadingCase: 'Antrag wird geladen …',
  required: 'Bitte geben Sie {{field}} ein.',
  invalidDate: 'Bitte geben Sie das Geburtsdatum als Tag.Monat.Jahr ein, zum Beispiel 12.03.1984.',
  notFound: 'Wir haben keinen Antrag mit diesen Angaben gefunden. Bitte prüfen Sie Aktenzeichen und {{factor}}.',
  linkExpired: 'Der Zugang ist abgelaufen. Bitte geben Sie Ihre Angaben erneut ein.',
  refresh: 'Aktualisieren',
  refreshed: 'Der Stand ist aktuell.',
  changed: 'Neuer Stand: {{label}}',
  updated: 'Ihr Antrag wurde aktualisiert.',
  forgotten: 'Der Antrag ist auf diesem Gerät nicht mehr gespeichert.',
  another: 'Anderen Antrag abfragen',
  errors: {
    case_not_found: 'Wir haben keinen Antrag mit diesen Angaben gefunden.',
  },
} satisfies Strings;

export default deLookup;
