import type { Strings } from '@civic-elements/core';

/**
 * German texts of `<civic-appointment-picker>` (namespace `appointment`) that its first chunk needs:
 * the first steps (services, location, type), every step's name and heading, hold warnings and the
 * widget's error texts. The rest (de-later-steps.ts) is registered by the later steps' code when it
 * loads; de.ts joins both — the reference every language is checked against.
 */
const deFirstSteps = {
  title: 'Termin vereinbaren',
  loading: 'Termine werden geladen …',
  loadError: 'Die Terminbuchung konnte nicht geladen werden.',
  progress: 'Schritt {{current}} von {{total}}: {{name}}',
  back: 'Zurück',
  next: 'Weiter',
  steps: {
    services: 'Anliegen',
    location: 'Standort',
    type: 'Terminart',
    day: 'Tag',
    time: 'Uhrzeit',
    contact: 'Ihre Angaben',
    confirmation: 'Bestätigung',
  },
  services: {
    heading: 'Wofür brauchen Sie einen Termin?',
    search: 'Anliegen suchen',
    searchHint: 'Zum Beispiel „Ausweis“ oder „Anmeldung“.',
    noMatch: 'Kein Anliegen passt zu „{{q}}“.',
    count_one: '{{count}} Anliegen gefunden',
    count_other: '{{count}} Anliegen gefunden',
    quantity: 'Anzahl für {{name}}',
    quantityHint: 'höchstens {{max}}',
    duration: 'Dauer etwa {{minutes}} Minuten',
    fee: 'Gebühr: {{fee}}',
    free: 'gebührenfrei',
    documents: 'Mitzubringen: {{list}}',
    selected_one: '{{count}} Anliegen ausgewählt',
    selected_other: '{{count}} Anliegen ausgewählt',
    chooseOne: 'Bitte wählen Sie mindestens ein Anliegen.',
    tooMany: 'Höchstens 10 Anliegen pro Termin.',
  },
  location: {
    heading: 'Wo möchten Sie den Termin?',
    any: 'Egal wo – frühester Termin zuerst',
    anyHint: 'Wir zeigen freie Termine aller passenden Standorte.',
    none: 'Kein Standort bietet alle gewählten Anliegen zusammen an. Bitte buchen Sie sie einzeln.',
    hours: 'Öffnungszeiten',
    closedOn: '{{date}}: geschlossen',
    specialOn: '{{date}}: {{opens}}–{{closes}} Uhr',
    accessibility: 'Barrierefreiheit',
    stepFree: 'Stufenlos erreichbar.',
    notStepFree: 'Nicht stufenlos erreichbar.',
    types: 'Terminarten: {{list}}',
    chooseOne: 'Bitte wählen Sie einen Standort.',
  },
  weekdays: { '1': 'Montag', '2': 'Dienstag', '3': 'Mittwoch', '4': 'Donnerstag', '5': 'Freitag', '6': 'Samstag', '7': 'Sonntag' },
  hoursRange: '{{opens}}–{{closes}} Uhr',
  types: {
    in_person: 'Vor Ort',
    phone: 'Telefon',
    video: 'Video',
  },
  typeHints: {
    in_person: 'Sie kommen ins Bürgerbüro.',
    phone: 'Wir rufen Sie zur vereinbarten Zeit an.',
    video: 'Sie erhalten einen Link zum Videotermin.',
  },
  type: {
    heading: 'Wie möchten Sie den Termin wahrnehmen?',
  },
  day: {
    heading: 'An welchem Tag?',
  },
  time: {
    heading: 'Um wie viel Uhr?',
    taken: 'Dieser Termin ist leider gerade vergeben worden.',
  },
  hold: {
    heading: 'Termin reserviert',
    warning: 'Die Reservierung läuft bald ab. Brauchen Sie mehr Zeit?',
    extended: 'Die Reservierung wurde verlängert.',
    expiredHeading: 'Reservierung abgelaufen',
  },
  confirmation: {
    heading: 'Ihr Termin ist gebucht',
  },
  manage: {
    heading: 'Ihr Termin',
    cancelledHeading: 'Termin abgesagt',
  },
  waitlist: {
    heading: 'Keine freien Termine',
    doneHeading: 'Sie stehen auf der Warteliste',
  },
  errors: {
    slot_taken: 'Dieser Termin ist leider gerade vergeben worden.',
    hold_expired: 'Die Reservierung ist abgelaufen.',
    hold_not_found: 'Die Reservierung gibt es nicht mehr.',
    proof_invalid: 'Die Sicherheitsprüfung ist abgelaufen. Bitte wählen Sie die Uhrzeit noch einmal.',
    too_late: 'Der Termin kann online nicht mehr geändert werden. Bitte rufen Sie uns an.',
    booking_limit_reached: 'Mit dieser E-Mail-Adresse sind keine weiteren Termine möglich.',
  },
} satisfies Strings;

export default deFirstSteps;
