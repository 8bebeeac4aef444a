// The widget states whose accessibility tree is committed under docs/a11y-snapshots/ (one
// `<name>.yml` each) and compared by scripts/gates/demo-gates.mjs. Each state lives on a demo page;
// the states of one page are reached one after the other in the same page, in this order, with the
// citizen's own actions (role + accessible name, as a screen-reader user would find them).
//
//   name      file name in docs/a11y-snapshots/ (<widget>--<state>)
//   page      demo page path
//   widget    CSS selector of the widget whose tree is recorded
//   title     what the state is (written into the snapshot file's header)
//   act       optional: the citizen's steps from the previous state to this one
//   ready     optional: text that must be in the widget's tree before it is recorded
//   optIn     true once the citizen has agreed to something being stored on the device; until
//             then the privacy gate requires empty cookies and storage after the state

/** Values a citizen types in these states; the privacy gate looks for them where they must never be. */
export const TYPED = {
  reference: 'MS-2026-004712',
  birthdate: '01.07.1990',
  birthdateIso: '1990-07-01',
  name: 'Erika Mustermann',
  email: 'erika.mustermann@example.org',
};

export const STATES = [
  {
    name: 'appointment-picker--1-services',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 1: Anliegen wählen',
    ready: 'Schritt 1 von 7',
  },
  {
    name: 'appointment-picker--2-location',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 2: Standort wählen (nach „Meldebescheinigung“ und „Weiter“)',
    act: async (page) => {
      await page.getByRole('checkbox', { name: 'Meldebescheinigung' }).check();
      await page.getByRole('button', { name: 'Weiter' }).click();
    },
    ready: 'Schritt 2 von 7',
  },
  {
    name: 'appointment-picker--3-type',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 3: Terminart (nach „Bürgerbüro Mitte“ und „Weiter“)',
    act: async (page) => {
      await page.getByRole('radio', { name: 'Bürgerbüro Mitte' }).check();
      await page.getByRole('button', { name: 'Weiter' }).click();
    },
    ready: 'Schritt 3 von 7',
  },
  {
    name: 'appointment-picker--4-day',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 4: Tag im Kalender (nach „Vor Ort“ und „Weiter“)',
    act: async (page) => {
      await page.getByRole('radio', { name: 'Vor Ort' }).check();
      await page.getByRole('button', { name: 'Weiter' }).click();
    },
    ready: 'Nächster freier Tag',
  },
  {
    name: 'appointment-picker--5-time',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 5: Uhrzeit (nach „Nächster freier Tag“ und der Eingabetaste auf dem Tag)',
    act: async (page) => {
      await page.getByRole('button', { name: /^Nächster freier Tag/ }).click();
      await page.keyboard.press('Enter');
    },
    ready: 'Schritt 5 von 7',
  },
  {
    name: 'appointment-picker--6-contact',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 6: Termin reserviert, Kontaktdaten (nach der ersten Uhrzeit am Vormittag)',
    act: async (page) => {
      await page.getByRole('list', { name: 'Vormittag' }).getByRole('button').first().click();
    },
    ready: 'Ihre Kontaktdaten',
  },
  {
    name: 'appointment-picker--7-contact-errors',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 6: „Termin verbindlich buchen“ mit leeren Feldern',
    act: async (page) => {
      await page.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
    },
    ready: 'Bitte stimmen Sie',
  },
  {
    name: 'appointment-picker--8-booked',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    title: 'Terminbuchung, Schritt 7: gebucht (Name, E-Mail-Adresse und Einverständnis, „Termin verbindlich buchen“)',
    act: async (page) => {
      await page.getByRole('textbox', { name: 'Vor- und Nachname' }).fill(TYPED.name);
      await page.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(TYPED.email);
      await page.getByRole('checkbox', { name: /^Ich bin einverstanden/ }).check();
      await page.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
    },
    ready: 'Ihr Termin ist gebucht',
  },
  {
    name: 'status-tracker--1-lookup',
    page: '/antragsstatus/',
    widget: 'civic-status-tracker',
    title: 'Antragsstatus: Abfrageformular',
    ready: 'Antrag anzeigen',
  },
  {
    name: 'status-tracker--2-errors',
    page: '/antragsstatus/',
    widget: 'civic-status-tracker',
    title: 'Antragsstatus: „Antrag anzeigen“ mit leeren Feldern',
    act: async (page) => {
      await page.getByRole('button', { name: 'Antrag anzeigen' }).click();
    },
    ready: 'Bitte geben Sie',
  },
  {
    name: 'status-tracker--3-result',
    page: '/antragsstatus/',
    widget: 'civic-status-tracker',
    title: `Antragsstatus: Ergebnis für ${TYPED.reference} (abholbereit)`,
    act: async (page) => {
      await page.getByRole('textbox', { name: 'Aktenzeichen' }).fill(TYPED.reference);
      await page.getByRole('textbox', { name: 'Ihr Geburtsdatum' }).fill(TYPED.birthdate);
      await page.getByRole('button', { name: 'Antrag anzeigen' }).click();
    },
    ready: 'Anderen Antrag abfragen',
  },
  {
    name: 'queue-display--1-waiting-room',
    page: '/warteschlange/',
    widget: 'civic-queue-display',
    title: 'Wartebereich: Aufrufe, Wartezeit, Wartenummer ziehen',
    ready: 'Wartenummer ziehen',
  },
  {
    name: 'queue-display--2-no-service',
    page: '/warteschlange/',
    widget: 'civic-queue-display',
    title: 'Wartebereich: „Wartenummer ziehen“ ohne gewähltes Anliegen',
    act: async (page) => {
      await page.getByRole('button', { name: 'Wartenummer ziehen' }).click();
    },
    ready: 'Bitte wählen Sie Ihr Anliegen.',
  },
  {
    name: 'queue-display--3-ticket',
    page: '/warteschlange/',
    widget: 'civic-queue-display',
    title: 'Wartebereich: eigene Wartenummer (nach „Meldebescheinigung“ und „Wartenummer ziehen“)',
    act: async (page) => {
      await page.getByRole('radio', { name: 'Meldebescheinigung' }).check();
      await page.getByRole('button', { name: 'Wartenummer ziehen' }).click();
    },
    ready: 'Wartenummer zurückgeben',
    optIn: true,
  },
  {
    name: 'call-display--1-before-start',
    page: '/aufrufanzeige/',
    widget: 'civic-call-display',
    title: 'Aufrufanzeige (Monitor im Wartebereich) vor dem Start',
    ready: 'Anzeige starten',
  },
  {
    name: 'call-display--2-running',
    page: '/aufrufanzeige/',
    widget: 'civic-call-display',
    title: 'Aufrufanzeige nach „Anzeige starten“',
    act: async (page) => {
      await page.getByRole('button', { name: 'Anzeige starten' }).click();
    },
    ready: 'Die Anzeige läuft',
  },
  {
    name: 'virtual-office--1-open',
    page: '/buergerbuero/',
    widget: 'civic-virtual-office',
    title: 'Digitales Bürgerbüro (Video-Sprechstunde) während der Sprechzeit',
    ready: 'Wartezimmer betreten',
  },
  {
    name: 'chat--1-launcher',
    page: '/',
    widget: 'civic-chat',
    title: 'Chat: geschlossener Startknopf',
    ready: 'Chat mit dem Bürgeramt',
  },
  {
    name: 'chat--2-consent',
    page: '/',
    widget: 'civic-chat',
    title: 'Chat: geöffnet, Datenschutz-Zustimmung vor dem Start',
    act: async (page) => {
      await page.getByRole('button', { name: 'Chat mit dem Bürgeramt' }).click();
    },
    ready: 'Chat starten',
  },
];

/**
 * Parts of a tree that legitimately differ between runs, replaced before comparing: the server
 * port in absolute links. (Time and random numbers are frozen instead: see demo-gates.mjs.)
 */
export function normalizeSnapshot(text, origin) {
  return text.split(origin).join('http://demo.invalid').replace(/\s+$/, '') + '\n';
}
