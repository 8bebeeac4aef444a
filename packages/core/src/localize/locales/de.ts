import type { Strings } from '../strings.js';

/**
 * Shared texts of every widget (namespace `core`), German: the library's default and fallback
 * language. Error texts never repeat server text or technical detail; they say what happened and
 * what the citizen can do.
 */
const de = {
  retry: 'Erneut versuchen',
  close: 'Schließen',
  cancel: 'Abbrechen',
  loading: 'Wird geladen …',
  errors: {
    network: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    timeout: 'Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.',
    malformed_response: 'Der Server hat eine unerwartete Antwort geschickt. Bitte versuchen Sie es später erneut.',
    schema_mismatch: 'Die Antwort des Servers passt nicht zu dieser Version. Bitte versuchen Sie es später erneut.',
    rate_limited: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    rate_limited_seconds_one: 'Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in {{count}} Sekunde erneut.',
    rate_limited_seconds_other: 'Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in {{count}} Sekunden erneut.',
    unavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
    internal: 'Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
    not_found: 'Der Eintrag wurde nicht gefunden.',
    unauthorized: 'Ihre Sitzung ist abgelaufen oder die Angaben stimmen nicht. Bitte melden Sie sich erneut an.',
    forbidden: 'Dafür fehlt die Berechtigung.',
    conflict: 'Die Daten wurden inzwischen geändert. Bitte laden Sie neu und versuchen Sie es erneut.',
    validation_failed: 'Bitte prüfen Sie Ihre Angaben.',
    not_configured: 'Dieser Dienst ist auf dieser Seite nicht richtig eingerichtet. Bitte wenden Sie sich an die Stadtverwaltung.',
    unknown: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
  },
} satisfies Strings;

export default de;
