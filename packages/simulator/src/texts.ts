/**
 * Every text the simulator writes, in German and English: case statuses and history, ticker lines,
 * the agent's chat phrases. Staff texts are one language each (the staff API has no locale for
 * them); chat replies follow the conversation's locale.
 */
import type { CaseHistoryInput, CaseResult, CaseStatusInput } from '@civic-elements/contract';

export type Lang = 'de' | 'en';

/** `en…` → English, everything else (de, de-x-ls, …) → German. */
export const langOf = (locale: string): Lang => (/^en\b/i.test(locale) ? 'en' : 'de');

export interface CaseTexts {
  received: CaseStatusInput;
  inProgress: CaseStatusInput;
  inProduction: CaseStatusInput;
  actionRequired: CaseStatusInput;
  readyForPickup: CaseStatusInput;
  approved: CaseStatusInput;
  completed: CaseStatusInput;
  receivedHistory: CaseHistoryInput;
  stepHistory(code: string): CaseHistoryInput;
  actionHistory: CaseHistoryInput;
  actionResolvedHistory: CaseHistoryInput;
  readyForPickupHistory: CaseHistoryInput;
  decisionHistory: CaseHistoryInput;
  completedHistory: CaseHistoryInput;
  action: { title: string; description: string };
  result: CaseResult;
}

const CASE_TEXTS: Record<Lang, CaseTexts> = {
  de: {
    received: { code: 'received', label: 'Eingegangen' },
    inProgress: { code: 'in_progress', label: 'In Bearbeitung' },
    inProduction: { code: 'in_progress', label: 'In Herstellung' },
    actionRequired: { code: 'action_required', label: 'Ihre Mitwirkung ist nötig' },
    readyForPickup: { code: 'ready_for_pickup', label: 'Abholbereit' },
    approved: { code: 'approved', label: 'Bewilligt' },
    completed: { code: 'completed', label: 'Abgeschlossen' },
    receivedHistory: { title: 'Antrag eingegangen.', actor: 'Online-Dienst' },
    stepHistory: (code) =>
      code === 'production'
        ? { title: 'Auftrag an die Bundesdruckerei übermittelt.', description: 'Die Herstellung dauert in der Regel drei bis vier Wochen.' }
        : code === 'review'
          ? { title: 'Prüfung begonnen.', actor: 'Sachbearbeitung' }
          : { title: 'Nächster Bearbeitungsschritt erreicht.', actor: 'Sachbearbeitung' },
    actionHistory: { title: 'Nachweis angefordert.', actor: 'Sachbearbeitung' },
    actionResolvedHistory: { title: 'Nachweis eingegangen. Vielen Dank.', actor: 'Sachbearbeitung' },
    readyForPickupHistory: { title: 'Dokument liegt zur Abholung bereit.', description: 'Bitte buchen Sie einen Abholtermin oder kommen Sie mit Wartenummer ins Bürgerbüro.' },
    decisionHistory: { title: 'Bescheid erlassen.', actor: 'Sachbearbeitung' },
    completedHistory: { title: 'Vorgang abgeschlossen.' },
    action: { title: 'Nachweis nachreichen', description: 'Bitte reichen Sie den fehlenden Nachweis über das Online-Postfach oder per Post ein.' },
    result: { decision: 'approved', label: 'Bewilligt', explanation: 'Ihr Antrag wurde bewilligt. Den Bescheid erhalten Sie zusätzlich per Post.' },
  },
  en: {
    received: { code: 'received', label: 'Received' },
    inProgress: { code: 'in_progress', label: 'In progress' },
    inProduction: { code: 'in_progress', label: 'Being produced' },
    actionRequired: { code: 'action_required', label: 'Action required' },
    readyForPickup: { code: 'ready_for_pickup', label: 'Ready for collection' },
    approved: { code: 'approved', label: 'Approved' },
    completed: { code: 'completed', label: 'Completed' },
    receivedHistory: { title: 'Application received.', actor: 'Online service' },
    stepHistory: (code) =>
      code === 'production'
        ? { title: 'Order sent to the Federal Printing Office.', description: 'Production usually takes three to four weeks.' }
        : code === 'review'
          ? { title: 'Review started.', actor: 'Case handling' }
          : { title: 'Next processing step reached.', actor: 'Case handling' },
    actionHistory: { title: 'Proof requested.', actor: 'Case handling' },
    actionResolvedHistory: { title: 'Proof received. Thank you.', actor: 'Case handling' },
    readyForPickupHistory: { title: 'Document ready for collection.', description: "Please book a collection appointment or come to the citizens' office with a queue ticket." },
    decisionHistory: { title: 'Decision issued.', actor: 'Case handling' },
    completedHistory: { title: 'Case completed.' },
    action: { title: 'Send the missing proof', description: 'Please send the missing proof through the online mailbox or by post.' },
    result: { decision: 'approved', label: 'Approved', explanation: 'Your application was approved. You will also receive the decision by post.' },
  },
};

export const caseText = (lang: Lang): CaseTexts => CASE_TEXTS[lang];

/** Ticker lines; `{waiting}` lines are filled from the queue's current status. */
export function tickerLines(lang: Lang, waiting: number): string[] {
  if (lang === 'en') {
    return [
      waiting === 1 ? 'One person is waiting right now. Please watch for your number.' : `${waiting} people are waiting right now. Please watch for your number.`,
      'You can also apply for identity cards and passports by appointment.',
      'Please have your documents and your queue ticket ready.',
      'Collecting a document? Please bring your collection slip.',
    ];
  }
  return [
    waiting === 1 ? 'Aktuell wartet eine Person. Bitte achten Sie auf den Aufruf Ihrer Nummer.' : `Aktuell warten ${waiting} Personen. Bitte achten Sie auf den Aufruf Ihrer Nummer.`,
    'Personalausweise und Reisepässe können Sie auch mit Termin beantragen.',
    'Bitte halten Sie Ihre Unterlagen und Ihre Wartenummer bereit.',
    'Abholung von Dokumenten: Bitte bringen Sie Ihren Abholschein mit.',
  ];
}
