import type { Strings } from '@civic-elements/core';

/**
 * German texts of `<civic-status-tracker>` (namespace `status-tracker`) that only the case overview
 * shows (status, steps, actions, pickup, result, documents, history, contact, live state,
 * "remember"): bundled with its code, registered when it loads.
 */
const deCaseView = {
  referenceLabel: 'Aktenzeichen',
  copy: 'Aktenzeichen kopieren',
  copied: 'Aktenzeichen kopiert.',
  copyFailed: 'Kopieren ist nicht möglich. Bitte markieren Sie das Aktenzeichen.',
  status: 'Aktueller Stand',
  since: 'seit {{when}}',
  steps: 'Bearbeitungsschritte',
  stepState: {
    done: 'erledigt',
    current: 'aktueller Schritt',
    upcoming: 'noch offen',
  },
  stepOf: 'Schritt {{n}} von {{total}}',
  reachedAt: 'am {{when}}',
  expectedCompletion: 'Voraussichtlich fertig',
  legalDeadline: 'Gesetzliche Frist',
  suspension: {
    paused: 'Die Bearbeitung ruht',
    extended: 'Die Frist wurde verlängert',
  },
  suspensionSince: 'Seit {{date}}',
  suspensionUntil: 'Bis {{date}}',
  actions: 'Was Sie jetzt tun müssen',
  due: 'Bitte bis {{date}}',
  cta: {
    document: 'Unterlagen einreichen',
    reply: 'Antworten',
    appointment: 'Termin buchen',
    payment: 'Bezahlen',
    signature: 'Unterschreiben',
    other: 'Jetzt erledigen',
  },
  ctaFor: '{{cta}}: {{title}}',
  pickup: 'Abholung',
  pickupReady: 'Ihr Dokument liegt zur Abholung bereit. Bitte buchen Sie dafür einen Termin.',
  bookPickup: 'Abholtermin buchen',
  result: 'Ergebnis',
  decision: {
    approved: 'Bewilligt',
    partially_approved: 'Teilweise bewilligt',
    rejected: 'Abgelehnt',
    withdrawn: 'Zurückgezogen',
    other: 'Entschieden',
  },
  documents: 'Dokumente',
  availableFrom: 'verfügbar ab {{date}}',
  history: 'Verlauf',
  contact: 'Ihre Ansprechpartner',
  phone: 'Telefon',
  email: 'E-Mail',
  website: 'Website',
  live: {
    connected: 'Diese Seite aktualisiert sich automatisch.',
    connecting: 'Verbindung für automatische Aktualisierung wird aufgebaut …',
    reconnecting: 'Verbindung unterbrochen. Wir versuchen es erneut.',
    stale: 'Keine Verbindung. Der angezeigte Stand ist vielleicht nicht aktuell.',
    polling: 'Diese Seite fragt regelmäßig den neuesten Stand ab.',
    idle: 'Automatische Aktualisierung pausiert.',
    closed: 'Automatische Aktualisierung beendet.',
  },
  updatedAt: 'Stand: {{when}}',
  remember: 'Diesen Antrag auf diesem Gerät merken',
  rememberHint: 'Dann speichern wir einen Zugangsschlüssel in Ihrem Browser, bis Sie „Vergessen“ wählen. Sonst speichern wir nichts.',
  forget: 'Auf diesem Gerät vergessen',
} satisfies Strings;

export default deCaseView;
