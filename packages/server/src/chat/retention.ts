/**
 * Retention of the chat's personal data (message texts, attachments, offline messages with
 * e-mail addresses): conversations without activity for `days` go with their messages and
 * attachments (ON DELETE CASCADE), offline messages after `days` (their e-mails render from the
 * row, so undelivered ones are then dropped), and attachments never sent after 24 hours.
 */
import type { Queryable } from '../db.js';

/** The contract: "an attachment not sent within 24 hours is deleted". */
export const UNSENT_ATTACHMENT_MS = 24 * 60 * 60 * 1000;
const DAY = 86_400_000;

export interface ChatPurge {
  chatConversations: number;
  chatAttachments: number;
  chatOfflineMessages: number;
}

export async function purgeChat(tx: Queryable, now: number, days: number): Promise<ChatPurge> {
  const cutoff = now - days * DAY;
  const conversations = await tx.query('DELETE FROM chat_conversations WHERE updated_at < $1', [cutoff]);
  const attachments = await tx.query('DELETE FROM chat_attachments WHERE sent = false AND created_at < $1', [now - UNSENT_ATTACHMENT_MS]);
  const offline = await tx.query('DELETE FROM chat_offline_messages WHERE received_at < $1', [cutoff]);
  return { chatConversations: conversations.rowCount, chatAttachments: attachments.rowCount, chatOfflineMessages: offline.rowCount };
}
