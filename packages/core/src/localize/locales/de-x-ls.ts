import type { Strings } from '../strings.js';

/**
 * Shared texts of every widget (namespace `core`) in Leichte Sprache (`de-x-ls`): short sentences,
 * one statement each, hard words explained. Same keys as `de.ts`.
 */
const deXLs = {
  retry: 'Noch einmal versuchen',
  close: 'Schließen',
  cancel: 'Abbrechen',
  loading: 'Bitte warten. Die Seite lädt.',
  errors: {
    network:
      'Es gibt gerade keine Verbindung. Bitte prüfen Sie: Ist Ihr Internet an? Versuchen Sie es dann noch einmal.',
    timeout:
      'Der Server antwortet zu langsam. Der Server ist der Computer von der Stadt. Bitte versuchen Sie es noch einmal.',
    malformed_response:
      'Beim Server gibt es ein Problem. Der Server ist der Computer von der Stadt. Bitte versuchen Sie es später noch einmal.',
    schema_mismatch:
      'Die Antwort vom Server passt nicht. Der Server ist der Computer von der Stadt. Bitte versuchen Sie es später noch einmal.',
    rate_limited: 'Es gibt gerade zu viele Anfragen. Bitte warten Sie kurz. Versuchen Sie es dann noch einmal.',
    rate_limited_seconds_one:
      'Es gibt gerade zu viele Anfragen. Bitte warten Sie {{count}} Sekunde. Versuchen Sie es dann noch einmal.',
    rate_limited_seconds_other:
      'Es gibt gerade zu viele Anfragen. Bitte warten Sie {{count}} Sekunden. Versuchen Sie es dann noch einmal.',
    unavailable: 'Der Dienst geht gerade nicht. Bitte versuchen Sie es später noch einmal.',
    internal:
      'Beim Server gibt es einen Fehler. Der Server ist der Computer von der Stadt. Bitte versuchen Sie es später noch einmal.',
    not_found: 'Wir haben nichts gefunden.',
    unauthorized:
      'Sie sind nicht mehr angemeldet. Oder Ihre Angaben sind nicht richtig. Bitte melden Sie sich noch einmal an.',
    forbidden: 'Das dürfen Sie hier nicht machen.',
    conflict: 'Die Daten haben sich geändert. Bitte laden Sie die Seite neu. Versuchen Sie es dann noch einmal.',
    validation_failed: 'Etwas bei Ihren Angaben ist nicht richtig. Bitte prüfen Sie Ihre Angaben.',
    not_configured:
      'Dieser Dienst geht auf dieser Seite nicht. Bitte rufen Sie die Stadt an. Oder schreiben Sie der Stadt eine E-Mail.',
    unknown: 'Es gibt einen Fehler. Bitte versuchen Sie es später noch einmal.',
  },
} satisfies Strings;

export default deXLs;
