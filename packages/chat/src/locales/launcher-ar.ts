import type { Strings } from '@civic-elements/core';

/** The launcher button's texts (namespace `chat-launcher`), Arabic; loaded when needed. */
const launcherAr = {
  label: 'الدردشة',
  labelMore: ' مع مكتب خدمة المواطنين',
  comma: '، ', // the Arabic comma
  unread_zero: 'لا رسائل جديدة',
  unread_one: 'رسالة جديدة واحدة',
  unread_two: 'رسالتان جديدتان',
  unread_few: '{{count}} رسائل جديدة',
  unread_many: '{{count}} رسالة جديدة',
  unread_other: '{{count}} رسالة جديدة',
  loadFailed: 'تعذر تحميل الدردشة. يرجى المحاولة مرة أخرى.',
} satisfies Strings;

export default launcherAr;
