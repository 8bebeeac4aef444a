import type { Strings } from '@civic-elements/core';

/**
 * German texts of `<civic-appointment-picker>` (namespace `appointment`) that only its later steps
 * show (day grid, times, contact form, hold, confirmation, manage, waiting list): bundled with their
 * code, registered when it loads. The headings of these steps are in de-first-steps.ts (shown while
 * the code loads).
 */
const deLaterSteps = {
  day: {
    previousMonth: 'Vorheriger Monat',
    nextMonth: 'Nächster Monat',
    nextFree: 'Nächster freier Tag: {{date}}',
    noneThisMonth: 'In diesem Monat gibt es keine freien Termine.',
    free_one: '{{count}} freier Termin',
    free_other: '{{count}} freie Termine',
    full: 'keine freien Termine',
    help: 'Mit den Pfeiltasten wechseln Sie den Tag, mit Bild auf/ab den Monat. Eingabe wählt den Tag.',
  },
  time: {
    morning: 'Vormittag',
    afternoon: 'Nachmittag',
    slot: '{{time}} Uhr',
    at: 'in {{location}}',
    timeZone: 'Alle Zeiten in Ortszeit des Standorts ({{zone}}).',
    alternatives: 'Diese Termine sind in der Nähe noch frei:',
    noAlternatives: 'In der Nähe ist kein Termin mehr frei. Bitte wählen Sie einen anderen Tag.',
    holding: 'Termin wird reserviert …',
  },
  hold: {
    countdown: 'Wir halten den Termin noch {{time}} für Sie frei.',
    extend: 'Mehr Zeit',
    noMoreExtensions: 'Die Reservierung kann nicht weiter verlängert werden.',
    expired: 'Wir haben den Termin {{time}} nicht länger für Sie freigehalten, weil die Zeit abgelaufen ist. Ihre Eingaben bleiben erhalten.',
    again: 'Diesen Termin erneut reservieren',
    other: 'Anderen Termin wählen',
  },
  contact: {
    heading: 'Ihre Kontaktdaten',
    name: 'Vor- und Nachname',
    email: 'E-Mail-Adresse',
    emailHint: 'Dorthin schicken wir die Bestätigung.',
    phone: 'Telefonnummer (freiwillig)',
    phoneRequired: 'Telefonnummer',
    note: 'Hinweis an das Bürgerbüro (freiwillig)',
    consent: 'Ich bin einverstanden, dass die Stadt meine Angaben zur Terminvergabe verarbeitet.',
    privacy: 'Datenschutzhinweise',
    book: 'Termin verbindlich buchen',
    booking: 'Termin wird gebucht …',
    errorSummary: 'Bitte prüfen Sie Ihre Angaben.',
    errors: {
      name: 'Bitte geben Sie Ihren Namen ein.',
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
      phone: 'Bitte geben Sie eine gültige Telefonnummer ein, zum Beispiel 0151 2345678.',
      phoneRequired: 'Für einen Telefontermin brauchen wir Ihre Telefonnummer.',
      consent: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.',
    },
    limit_one: 'Mit dieser E-Mail-Adresse ist schon {{count}} offener Termin gebucht – mehr sind nicht möglich. Sagen Sie einen Termin ab oder nutzen Sie eine andere Adresse.',
    limit_other: 'Mit dieser E-Mail-Adresse sind schon {{count}} offene Termine gebucht – mehr sind nicht möglich. Sagen Sie einen Termin ab oder nutzen Sie eine andere Adresse.',
  },
  summary: {
    services: 'Anliegen',
    when: 'Wann',
    where: 'Wo',
    type: 'Terminart',
    reference: 'Buchungsnummer',
    quantity: '{{count}} × {{name}}',
  },
  confirmation: {
    reference: 'Ihre Buchungsnummer: {{reference}}',
    email: 'Eine Bestätigung ist unterwegs an Ihre E-Mail-Adresse.',
    ics: 'Termin in den Kalender (ICS-Datei)',
    bring: 'Bitte mitbringen',
    manage: 'Termin ändern oder absagen',
    manageHint: 'Mit diesem Link können Sie den Termin später ändern oder absagen. Geben Sie ihn nicht weiter.',
    joinUrl: 'Link zum Videotermin',
  },
  manage: {
    loading: 'Ihr Termin wird geladen …',
    notFound: 'Diesen Termin finden wir nicht. Bitte prüfen Sie den Link aus Ihrer Bestätigungs-E-Mail.',
    cancelled: 'Dieser Termin ist abgesagt.',
    changeableUntil: 'Änderungen online bis {{date}}.',
    tooLate: 'Der Termin kann online nicht mehr geändert werden. Bitte rufen Sie uns an.',
    cancel: 'Termin absagen',
    cancelConfirm: 'Wollen Sie den Termin wirklich absagen?',
    cancelYes: 'Ja, absagen',
    cancelNo: 'Nein, behalten',
    cancelledText: 'Ihr Termin {{reference}} ist abgesagt. Sie erhalten eine Bestätigung per E-Mail.',
    reschedule: 'Termin verschieben',
    rescheduleConfirm: 'Termin auf diese Zeit verschieben',
    rescheduledHeading: 'Termin verschoben',
    newBooking: 'Neuen Termin buchen',
  },
  waitlist: {
    text: 'Bis {{date}} ist leider kein Termin frei. Wir können Ihnen eine E-Mail schicken, sobald ein Termin frei wird.',
    email: 'E-Mail-Adresse',
    consent: 'Ich bin einverstanden, dass die Stadt meine E-Mail-Adresse für diese Benachrichtigung speichert.',
    submit: 'Benachrichtigen lassen',
    done: 'Wir schreiben Ihnen, sobald zwischen {{from}} und {{to}} ein Termin frei wird. Wer zuerst bucht, bekommt den Termin.',
  },
} satisfies Strings;

export default deLaterSteps;
