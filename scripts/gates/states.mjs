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

/**
 * A staff operation of the page's in-browser mock back end, sent as a desk (or the demo's simulator)
 * sends it: over HTTP to the mock's `/api/staff/…` with the mock's staff key, which the page's
 * readiness promise hands out (it resolves with the mock API). Live events follow from the mock as
 * from a server: the widgets get them through their event streams. Fails on an error answer.
 */
export async function staff(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const api = await globalThis[Symbol.for('civic-elements/ready')];
      const response = await fetch(`/api/staff${path}`, {
        method,
        headers: { ...headers, 'X-Staff-Key': api.ctx.staffKey, ...(body && { 'Content-Type': 'application/json' }) },
        ...(body && { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`staff ${method} ${path} answered ${response.status}`);
      return response.status === 204 ? undefined : response.json();
    },
    { method, path, body, headers },
  );
}

/** An agent's answer in the citizen's (only) open chat conversation, as the desk's chat tool sends it. */
async function agentReply(page, text, key) {
  const { items } = await staff(page, 'GET', '/v1/chat/conversations');
  if (items.length !== 1) throw new Error(`expected one open conversation, found ${items.length}`);
  await staff(page, 'POST', `/v1/chat/conversations/${items[0].id}/messages`, { author: { kind: 'agent', name: 'Frau Beispiel' }, text }, { 'Idempotency-Key': key });
}

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
    name: 'status-tracker--4-changed',
    page: '/antragsstatus/',
    widget: 'civic-status-tracker',
    title: 'Antragsstatus: neuer Stand „Abgeschlossen“, während der Antrag angezeigt wird (das Amt schließt ihn ab, wie der Simulator)',
    act: async (page) => {
      await staff(page, 'POST', '/v1/cases/c-4712/updates', {
        status: { code: 'completed', label: 'Abgeschlossen' },
        completeSteps: true,
        history: { title: 'Vorgang abgeschlossen.' },
        pickup: null,
        resolveActionRequired: 'abholtermin',
      });
    },
    ready: 'Neuer Stand: Abgeschlossen',
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
    name: 'queue-display--4-called',
    page: '/warteschlange/',
    widget: 'civic-queue-display',
    title: 'Wartebereich: die eigene Wartenummer wird aufgerufen (Schalter 2 ruft „Meldebescheinigung“ auf, bis sie dran ist)',
    act: async (page) => {
      const own = (await page.locator('civic-queue-display .ticket-number .value').textContent())?.trim();
      for (let i = 0; i < 10; i++) {
        const { ticket } = await staff(page, 'POST', '/v1/queues/buergerbuero-mitte/call', { desk: 'Schalter 2', serviceId: 'meldebescheinigung' });
        if (!ticket || ticket.number === own) return;
      }
    },
    ready: 'Sie sind dran!',
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
    name: 'call-display--3-newest',
    page: '/aufrufanzeige/',
    widget: 'civic-call-display',
    title: 'Aufrufanzeige: ein neuer Aufruf (Schalter 2 ruft die nächste Wartenummer auf), hervorgehoben',
    act: async (page) => {
      await staff(page, 'POST', '/v1/queues/buergerbuero-mitte/call', { desk: 'Schalter 2' });
    },
    ready: '(Neu)',
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
  {
    name: 'chat--3-conversation',
    page: '/',
    widget: 'civic-chat',
    title: 'Chat: Gespräch mit der Antwort einer Mitarbeiterin (Zustimmung, „Chat starten“, Antwort über die Mitarbeiter-Schnittstelle)',
    act: async (page) => {
      await page.getByRole('checkbox', { name: /^Ich habe die Datenschutzhinweise gelesen/ }).check();
      await page.getByRole('button', { name: 'Chat starten' }).click();
      await page.getByRole('textbox').first().waitFor();
      await agentReply(page, 'Guten Tag, hier ist Frau Beispiel vom Bürgeramt. Wie kann ich Ihnen helfen?', 'gate-chat-reply-1');
    },
    ready: 'Wie kann ich Ihnen helfen?',
    optIn: true,
  },
  {
    name: 'chat--4-unread',
    page: '/',
    widget: 'civic-chat',
    title: 'Chat: geschlossen, eine neue Nachricht (Zähler am Startknopf) nach „Chat schließen“ und einer weiteren Antwort',
    act: async (page) => {
      await page.getByRole('button', { name: 'Chat schließen' }).click();
      await agentReply(page, 'Sind Sie noch da? Ich warte gern auf Ihre Frage.', 'gate-chat-reply-2');
    },
    ready: '1 neue Nachricht',
    optIn: true,
  },
];

/**
 * Parts of a tree that legitimately differ between runs, replaced before comparing: the server
 * port in absolute links. (Time and random numbers are frozen instead: see demo-gates.mjs.)
 */
export function normalizeSnapshot(text, origin) {
  return text.split(origin).join('http://demo.invalid').replace(/\s+$/, '') + '\n';
}
