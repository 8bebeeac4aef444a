import type { Strings } from '@civic-elements/core';

/** The launcher button's texts (namespace `chat-launcher`) in Leichte Sprache; loaded when needed. */
const launcherDeXLs = {
  label: 'Chat',
  labelMore: ' mit dem Bürger-Amt',
  comma: ', ',
  unread_one: '{{count}} neue Nachricht',
  unread_other: '{{count}} neue Nachrichten',
  loadFailed: 'Der Chat geht gerade nicht. Bitte versuchen Sie es noch einmal.',
} satisfies Strings;

export default launcherDeXLs;
