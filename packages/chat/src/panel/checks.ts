import { c, type Check } from '@civic-elements/core';
import type { ChatAvailability, Conversation, Message, MessagePage, ConversationCreated } from '@civic-elements/contract';

// Runtime checks of the chat responses (only the members the widget reads).

const author = c.object({ kind: c.oneOf(['citizen', 'agent', 'bot', 'system'] as const), name: c.optional(c.string()) });
/** Attachments as the server describes them (also the files kept for the next message). */
export const attachmentsCheck = c.array(c.object({ id: c.string(), name: c.string(), type: c.string(), size: c.integer() }));

export const messageCheck = c.object({
  id: c.string(),
  seq: c.integer(),
  clientId: c.optional(c.string()),
  author,
  text: c.string(),
  createdAt: c.dateTime(),
  attachments: attachmentsCheck,
  suggestions: c.array(c.object({ text: c.string() })),
}) as unknown as Check<Message>;

export const pageCheck = c.object({ items: c.array(messageCheck), hasMore: c.boolean() }) as unknown as Check<MessagePage>;

export const conversationCheck = c.object({
  status: c.string(),
  agent: c.optional(c.object({ name: c.optional(c.string()) })),
}) as unknown as Check<Pick<Conversation, 'status' | 'agent'>>;

export const createdCheck = c.object({ id: c.string(), token: c.string() }) as unknown as Check<ConversationCreated>;

const hours = c.object({ weekday: c.integer(), opens: c.string(), closes: c.string() });

export const availabilityCheck = c.object({
  online: c.boolean(),
  agentsOnline: c.integer(),
  expectedReplySeconds: c.nullable(c.integer()),
  officeHours: c.object({ timeZone: c.string(), weekly: c.array(hours), exceptions: c.array(c.unknown()) }),
  nextOpening: c.optional(c.dateTime()),
  attachments: c.object({ maxBytes: c.integer(), types: c.array(c.string()), maxPerMessage: c.integer() }),
  topics: c.array(c.object({ id: c.string(), label: c.string() })),
  welcomeText: c.optional(c.string()),
}) as unknown as Check<ChatAvailability>;

export const typingData = c.object({ author, active: c.boolean() });
export const joinedData = c.object({ seq: c.integer(), agent: c.object({ name: c.optional(c.string()) }), at: c.dateTime() });
export const endedData = c.object({ seq: c.integer(), endedBy: c.oneOf(['citizen', 'agent', 'system'] as const), at: c.dateTime() });
