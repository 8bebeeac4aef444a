import type { Strings } from '@civic-elements/core';

/**
 * The few texts of the launcher button (namespace `chat-launcher`), bundled with it so the button
 * renders at once. Everything else loads with the panel (namespace `chat`, ./de.ts …).
 */
export const launcherDe = {
  label: 'Chat',
  labelMore: ' mit dem Bürgeramt',
  comma: ', ',
  unread_one: '{{count}} neue Nachricht',
  unread_other: '{{count}} neue Nachrichten',
  loadFailed: 'Der Chat konnte nicht geladen werden. Bitte versuchen Sie es erneut.',
} satisfies Strings;

export const launcherEn: typeof launcherDe = {
  label: 'Chat',
  labelMore: ' with the citizens’ office',
  comma: ', ',
  unread_one: '{{count}} new message',
  unread_other: '{{count}} new messages',
  loadFailed: 'The chat could not be loaded. Please try again.',
};
