import type { Strings } from '@civic-elements/core';

/** The launcher button's texts (namespace `chat-launcher`), Turkish; loaded when needed. */
const launcherTr = {
  label: 'Sohbet',
  labelMore: ' vatandaşlık bürosu ile',
  comma: ', ',
  unread_one: '{{count}} yeni mesaj',
  unread_other: '{{count}} yeni mesaj',
  loadFailed: 'Sohbet yüklenemedi. Lütfen tekrar deneyin.',
} satisfies Strings;

export default launcherTr;
