/**
 * The agent's canned replies: simple keyword rules over what the citizen wrote, in German and
 * English. The first matching rule wins; a text matching none gets one of the fallbacks. Only the
 * rule's id ever reaches a log, never the citizen's text.
 */
import { pick, type Random } from './random.js';
import type { Lang } from './texts.js';

export interface ReplyRule {
  id: string;
  /** Tested against the lower-cased text with umlauts spelled out (ä → ae, ß → ss). */
  pattern: RegExp;
  text: Record<Lang, string>;
  /** After this reply the agent ends the conversation. */
  ends?: boolean;
}

export const REPLY_RULES: readonly ReplyRule[] = [
  {
    id: 'goodbye',
    pattern: /\b(tschuess|auf wiedersehen|wiederhoeren|bye|goodbye)\b|das war'?s\b|das war alles|that'?s all/,
    text: {
      de: 'Gern geschehen. Ich beende den Chat jetzt. Auf Wiedersehen und einen schönen Tag!',
      en: 'You are welcome. I will close the chat now. Goodbye and have a nice day!',
    },
    ends: true,
  },
  {
    id: 'id-card',
    pattern: /(personalausweis|\bausweis|reisepass|\bpass\b|\bpaesse\b|identity card|\bid card|passport)/,
    text: {
      de: 'Einen Personalausweis oder Reisepass beantragen Sie persönlich im Bürgerbüro. Bitte bringen Sie ein aktuelles biometrisches Passfoto und Ihr altes Dokument mit. Der Personalausweis kostet 37 Euro, für Personen unter 24 Jahren 22,80 Euro.',
      en: "You apply for an identity card or passport in person at a citizens' office. Please bring a current biometric photo and your old document. The identity card costs €37, or €22.80 for persons under 24.",
    },
  },
  {
    id: 'appointment',
    pattern: /(termin|\bbook|appointment)/,
    text: {
      de: 'Termine buchen Sie am einfachsten online über die Terminbuchung auf unserer Website. Ohne Termin können Sie im Bürgerbüro Mitte eine Wartenummer ziehen.',
      en: "The easiest way is to book online with the appointment booking on our website. Without an appointment you can take a queue ticket at the Bürgerbüro Mitte.",
    },
  },
  {
    id: 'opening-hours',
    pattern: /(oeffnungszeit|geoeffnet|\boffen\b|wann.*(auf|da)\b|opening hours|\bopen\b|\bhours\b)/,
    text: {
      de: 'Das Bürgerbüro Mitte ist montags bis freitags ab 8 Uhr geöffnet, donnerstags bis 19 Uhr, samstags von 9 bis 12 Uhr. Die genauen Zeiten jedes Standorts finden Sie auf unserer Website.',
      en: "The Bürgerbüro Mitte opens Monday to Friday from 8 am, on Thursdays until 7 pm, and on Saturdays from 9 am to 12 noon. Each location's exact hours are on our website.",
    },
  },
  {
    id: 'registration',
    pattern: /(anmeld|ummeld|umzug|umgezogen|wohnsitz|meldebescheinigung|\bregister|moving|moved)/,
    text: {
      de: 'Für die Anmeldung brauchen Sie Ihren Ausweis und die Wohnungsgeberbestätigung. Bitte melden Sie sich innerhalb von zwei Wochen nach dem Einzug an.',
      en: "To register you need your identity card and the landlord's confirmation. Please register within two weeks after moving in.",
    },
  },
  {
    id: 'vehicle',
    pattern: /(\bkfz|\bauto\b|zulassung|fahrzeug|kennzeichen|vehicle|\bcar\b|number plate)/,
    text: {
      de: 'Die Kfz-Zulassung gibt es im Bürgerbüro Nord, nur mit Termin. Bitte bringen Sie Ausweis, Zulassungsbescheinigung und den Versicherungsnachweis (eVB-Nummer) mit.',
      en: 'Vehicle registration is at the Bürgerbüro Nord, by appointment only. Please bring your identity card, the registration certificate and the insurance number (eVB).',
    },
  },
  {
    id: 'case-status',
    pattern: /(antrag|bearbeitung|aktenzeichen|bescheid|\bstatus|application|reference)/,
    text: {
      de: 'Den Stand Ihres Antrags sehen Sie jederzeit in der Statusabfrage mit Ihrem Aktenzeichen. Aus Datenschutzgründen kann ich im Chat keine Auskunft zu einzelnen Anträgen geben.',
      en: 'You can check your application at any time with your reference number in the status check. For data protection reasons I cannot give details about individual applications in the chat.',
    },
  },
  {
    id: 'pickup',
    pattern: /(abhol|abgeholt|\bfertig\b|pick ?up|collect)/,
    text: {
      de: 'Fertige Dokumente holen Sie im Bürgerbüro Mitte ab, mit Termin oder mit Wartenummer. Bitte bringen Sie Ihren Abholschein und Ihr altes Dokument mit.',
      en: 'You collect finished documents at the Bürgerbüro Mitte, with an appointment or a queue ticket. Please bring your collection slip and your old document.',
    },
  },
  {
    id: 'fees',
    pattern: /(gebuehr|kosten|kostet|preis|bezahl|\bfee|\bcost|\bpay|price)/,
    text: {
      de: 'Die Gebühren stehen bei jeder Leistung in der Terminbuchung. Im Bürgerbüro können Sie bar oder mit Karte bezahlen.',
      en: "The fees are listed with each service in the appointment booking. At the citizens' office you can pay in cash or by card.",
    },
  },
  {
    id: 'thanks',
    pattern: /(\bdank|\bthank)/,
    text: {
      de: 'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
      en: 'You are welcome! Is there anything else I can do for you?',
    },
  },
  {
    id: 'person',
    pattern: /(\bperson\b|mitarbeiter|\bmensch|\bhuman|\bagent|\bstaff)/,
    text: {
      de: 'Sie schreiben jetzt mit einer Mitarbeiterin bzw. einem Mitarbeiter des Servicedesks. Worum geht es?',
      en: 'You are now chatting with a member of the service desk. What is it about?',
    },
  },
  {
    id: 'hello',
    pattern: /^\s*(hallo|hi|hey|guten (tag|morgen|abend)|moin|servus|gruess gott|hello|good (morning|afternoon|evening))\b/,
    text: {
      de: 'Hallo! Wie kann ich Ihnen helfen?',
      en: 'Hello! How can I help you?',
    },
  },
];

const FALLBACKS: Record<Lang, readonly string[]> = {
  de: [
    'Danke für Ihre Nachricht. Dazu kann ich Ihnen im Chat leider keine verbindliche Auskunft geben. Schreiben Sie uns gern an buergerbuero@musterstadt.example, wir antworten innerhalb von zwei Werktagen.',
    'Das schaue ich mir genauer an. Am besten rufen Sie uns dazu unter 01234 5670 an, die Kolleginnen und Kollegen helfen Ihnen gern weiter.',
  ],
  en: [
    'Thank you for your message. I cannot give you a binding answer on this in the chat. Please write to buergerbuero@musterstadt.example, we reply within two working days.',
    'Let me look into that. It is best to call us on 01234 5670, my colleagues will be glad to help.',
  ],
};

/** Lower case with umlauts and ß spelled out, so "Öffnungszeiten" and "Oeffnungszeiten" match alike. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`]/g, "'");
}

export interface Reply {
  /** The matching rule's id, or `fallback`. */
  rule: string;
  text: string;
  ends: boolean;
}

/** The reply to what the citizen wrote. */
export function replyTo(citizenText: string, lang: Lang, random: Random): Reply {
  const text = normalise(citizenText);
  const rule = REPLY_RULES.find((r) => r.pattern.test(text));
  if (rule) return { rule: rule.id, text: rule.text[lang], ends: rule.ends === true };
  return { rule: 'fallback', text: pick(random, FALLBACKS[lang]), ends: false };
}

/** The agent's first message after joining. */
export function introduction(agent: string, lang: Lang, topicLabel: string | undefined): string {
  if (lang === 'en') return `Hello, this is ${agent} from the service desk.${topicLabel ? ` I see your question is about ${topicLabel}.` : ''}`;
  return `Guten Tag, hier ist ${agent} vom Servicedesk.${topicLabel ? ` Ich sehe, es geht um das Thema ${topicLabel}.` : ''}`;
}

/** Asked when the citizen has not written anything yet. */
export const askHowToHelp = (lang: Lang): string => (lang === 'en' ? 'How can I help you?' : 'Wie kann ich Ihnen helfen?');

/** Sent before the agent ends a conversation in which nobody wrote for a while. */
export const idleGoodbye = (lang: Lang): string =>
  lang === 'en'
    ? 'As I have not heard from you for a while, I am closing this chat now. You are welcome to start a new one at any time.'
    : 'Da ich eine Weile nichts von Ihnen gehört habe, beende ich den Chat jetzt. Sie können jederzeit einen neuen beginnen.';
