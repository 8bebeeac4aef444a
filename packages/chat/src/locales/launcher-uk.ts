import type { Strings } from '@civic-elements/core';

/** The launcher button's texts (namespace `chat-launcher`), Ukrainian; loaded when needed. */
const launcherUk = {
  label: 'Чат',
  labelMore: ' з бюро у справах громадян',
  comma: ', ',
  unread_one: '{{count}} нове повідомлення',
  unread_few: '{{count}} нові повідомлення',
  unread_many: '{{count}} нових повідомлень',
  unread_other: '{{count}} нового повідомлення',
  loadFailed: 'Не вдалося завантажити чат. Спробуйте, будь ласка, ще раз.',
} satisfies Strings;

export default launcherUk;
