/**
 * The chat desk's pure rules, shared by the mock and the reference server so both answer alike:
 * availability from the seed's office hours, the clock and staff overrides; the bot's greeting
 * and keyword answers (with quick replies; the fallback hands off to a person); the transcript
 * text; content sniffing of uploads and the download's Content-Disposition.
 */
import { formatInstant, isOpenAt, localDate, localTime, localise, nextOpening, type ChatDesk, type LocalizedText } from '@civic-elements/contract/seed';
import type * as api from '@civic-elements/contract';

/** Staff overrides of the desk (`updateChatDesk`); undefined = from the seed's hours and agents. */
export interface DeskOverrides {
  online?: boolean;
  agentsOnline?: number;
  expectedReplySeconds?: number | null;
  welcomeText?: string | null;
}

/** `getChatAvailability` at `at` in `lang`. */
export function chatAvailability(desk: ChatDesk, overrides: DeskOverrides, at: number, lang: string): api.ChatAvailability {
  const tz = desk.timeZone;
  const L = (t: LocalizedText) => localise(t, lang);
  const open = isOpenAt(desk.officeHours, desk.exceptions, at, tz);
  const online = overrides.online ?? open;
  const agentsOnline = online ? (overrides.agentsOnline ?? (open ? desk.agents.filter((a) => a.online).length : 0)) : 0;
  const expected = overrides.expectedReplySeconds !== undefined ? overrides.expectedReplySeconds : desk.expectedReplySeconds;
  const next = online ? undefined : nextOpening(desk.officeHours, desk.exceptions, at + 60_000, tz);
  return {
    online,
    agentsOnline,
    expectedReplySeconds: agentsOnline > 0 ? expected : null,
    officeHours: {
      timeZone: tz,
      weekly: desk.officeHours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
      exceptions: desk.exceptions.map((e) => ({ ...e, reason: L(e.reason) })),
    },
    ...(next !== undefined && { nextOpening: formatInstant(next, tz) }),
    attachments: { maxBytes: desk.attachments.maxBytes, types: [...desk.attachments.types], maxPerMessage: desk.attachments.maxPerMessage },
    topics: desk.topics.map((t) => ({ id: t.id, label: L(t.label) })),
    ...(typeof overrides.welcomeText === 'string' && { welcomeText: overrides.welcomeText }),
  };
}

/** A message without the server's id, seq and time. */
export type MessageDraft = Omit<api.Message, 'id' | 'seq' | 'createdAt'>;

/** The bot's first message of a new conversation, with the desk's quick replies. */
export function botGreeting(desk: ChatDesk, locale: string): MessageDraft {
  return {
    author: { kind: 'bot', name: localise(desk.bot.name, locale) },
    text: localise(desk.bot.greeting, locale),
    attachments: [],
    suggestions: desk.bot.suggestions.map((s) => ({ text: localise(s, locale) })),
  };
}

/** The bot's answer to a citizen's text: the first answer with a matching keyword, else the fallback (hand-off to a person). */
export function botAnswer(desk: ChatDesk, text: string, locale: string): MessageDraft {
  const lower = text.toLowerCase();
  const hit = desk.bot.answers.find((a) => a.keywords.some((k) => lower.includes(k.toLowerCase())));
  return {
    author: { kind: 'bot', name: localise(desk.bot.name, locale) },
    text: localise(hit ? hit.text : desk.bot.fallback, locale),
    attachments: [],
    suggestions: (hit?.suggestions ?? []).map((s) => ({ text: localise(s, locale) })),
  };
}

/** `getTranscript`: the text and its file name. */
export function chatTranscript(o: { townName: LocalizedText; desk: ChatDesk; createdAt: number; topic?: string; messages: api.Message[]; lang: string }): { text: string; filename: string } {
  const { desk, lang } = o;
  const tz = desk.timeZone;
  const de = !lang.startsWith('en');
  const day = (ms: number) => {
    const [y, m, d] = localDate(ms, tz).split('-');
    return de ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
  };
  const topic = o.topic ? desk.topics.find((t) => t.id === o.topic) : undefined;
  const head = [`${localise(o.townName, lang)} – Chat, ${day(o.createdAt)}`];
  if (topic) head.push(`${de ? 'Thema' : 'Topic'}: ${localise(topic.label, lang)}`);
  const who = (m: api.Message) =>
    m.author.kind === 'citizen' ? (de ? 'Sie' : 'You') : (m.author.name ?? { agent: de ? 'Servicedesk' : 'Service desk', bot: 'Bot', system: 'System' }[m.author.kind]);
  const blocks = o.messages.map((m) => {
    const at = Date.parse(m.createdAt);
    const lines = [`[${day(at)} ${localTime(at, tz)}] ${who(m)}:`];
    if (m.text) lines.push(m.text);
    for (const a of m.attachments) lines.push(`${de ? 'Anhang' : 'Attachment'}: ${a.name}`);
    return lines.join('\n');
  });
  return { text: `${head.join(', ')}\n\n${blocks.join('\n\n')}\n`, filename: `chat-${localDate(o.createdAt, tz)}.txt` };
}

/** Content sniffing: the media type the first bytes show, if one of the known ones. */
export function sniff(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  return undefined;
}

/** `attachment; filename="…"` with an ASCII fallback and the RFC 5987 UTF-8 name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The upload checks in the contract's order: size (413), then declared type and content (415). */
export function attachmentProblem(limits: { maxBytes: number; types: readonly string[] }, declared: string, bytes: Uint8Array): { status: 413 | 415; code: string; detail: string; extensions: Record<string, unknown> } | undefined {
  if (bytes.length > limits.maxBytes) return { status: 413, code: 'payload_too_large', detail: `Files may have at most ${limits.maxBytes} bytes.`, extensions: { maxBytes: limits.maxBytes } };
  if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(declared) || !limits.types.includes(declared) || sniff(bytes) !== declared) {
    return { status: 415, code: 'unsupported_media_type', detail: `Accepted: ${limits.types.join(', ')}.`, extensions: { types: [...limits.types] } };
  }
  return undefined;
}
