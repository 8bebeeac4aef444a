import type { Strings } from '@civic-elements/core';

/** Texts of the chat panel (namespace `chat`), German. Loaded with the panel on first open. */
const de = {
  title: 'Chat mit dem Bürgeramt',
  close: 'Chat schließen',
  loading: 'Chat wird geladen …',
  availability: {
    heading: 'Erreichbarkeit',
    onlineAgents_one: 'Jetzt erreichbar: {{count}} Mitarbeiterin oder Mitarbeiter ist online.',
    onlineAgents_other: 'Jetzt erreichbar: {{count}} Mitarbeiterinnen und Mitarbeiter sind online.',
    botOnly: 'Gerade ist niemand online. Der Stadtbot beantwortet einfache Fragen.',
    offline: 'Der Chat ist gerade nicht besetzt.',
    nextOpening: 'Wieder erreichbar ab {{when}}.',
    reply: 'Antwort in der Regel innerhalb von {{duration}}.',
    hours: 'Servicezeiten',
    closedDay: 'geschlossen',
  },
  privacy: {
    heading: 'Datenschutz',
    notice:
      'Ihre Nachrichten werden an das Bürgeramt übertragen und dort gespeichert, um Ihre Anfrage zu bearbeiten. Erst wenn Sie zustimmen, wird ein Gespräch angelegt und in diesem Browser-Tab gespeichert (bis Sie den Tab schließen).',
    link: 'Datenschutzerklärung',
    consent: 'Ich habe die Datenschutzhinweise gelesen und stimme zu.',
    required: 'Bitte stimmen Sie den Datenschutzhinweisen zu, um den Chat zu starten.',
  },
  start: 'Chat starten',
  starting: 'Chat wird gestartet …',
  log: 'Nachrichten',
  you: 'Sie',
  agent: 'Bürgeramt',
  bot: 'Stadtbot',
  system: 'Hinweis',
  withAgent: 'Sie schreiben mit {{name}}.',
  withBot: 'Sie schreiben mit dem Stadtbot. Eine Person übernimmt, sobald jemand frei ist.',
  joined: '{{name}} hat das Gespräch übernommen.',
  joinedAnonymous: 'Eine Mitarbeiterin oder ein Mitarbeiter hat das Gespräch übernommen.',
  ended: 'Das Gespräch wurde beendet.',
  sending: 'Wird gesendet …',
  sent: 'Gesendet',
  failed: 'Nicht gesendet. Wird automatisch erneut versucht.',
  failedFinal: 'Nicht gesendet.',
  retry: 'Erneut senden',
  typing: '{{name}} schreibt …',
  someone: 'Das Bürgeramt',
  suggestions: 'Antwortvorschläge',
  earlier: 'Frühere Nachrichten anzeigen',
  message: 'Ihre Nachricht',
  messageHint: 'Eingabetaste sendet, Umschalt und Eingabetaste beginnt eine neue Zeile.',
  send: 'Senden',
  reconnecting: 'Verbindung unterbrochen. Sie wird wiederhergestellt; Ihre Nachrichten gehen nicht verloren.',
  link: '{{text}} (öffnet in neuem Tab)',
  errors: {
    closed: 'Der Chat ist gerade nicht besetzt.',
    conversation_ended: 'Das Gespräch wurde bereits beendet.',
  },
} satisfies Strings;

export default de;
