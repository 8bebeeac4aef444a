import type { Strings } from '@civic-elements/core';

/** Texts of attachments (namespace `chat-files`), Ukrainian (plural forms one, few, many, other). */
const uk = {
  attach: 'Додати файл',
  hint_one: 'Дозволено: {{types}} до {{max}} на файл, {{count}} файл на повідомлення.',
  hint_few: 'Дозволено: {{types}} до {{max}} на файл, не більше {{count}} файли на повідомлення.',
  hint_many: 'Дозволено: {{types}} до {{max}} на файл, не більше {{count}} файлів на повідомлення.',
  hint_other: 'Дозволено: {{types}} до {{max}} на файл, не більше {{count}} файлу на повідомлення.',
  list: 'Файли для вашого наступного повідомлення',
  uploading: '{{name}} завантажується',
  uploadingShort: 'Завантажується …',
  done: 'Завантажено',
  tooLarge: '{{name}} завеликий. Дозволено не більше {{max}} на файл.',
  wrongType: '{{name}}: такий тип файлу не дозволено. Дозволено {{types}}.',
  tooMany_one: '{{name}} не додано: на повідомлення дозволено {{count}} файл.',
  tooMany_few: '{{name}} не додано: на повідомлення дозволено не більше {{count}} файли.',
  tooMany_many: '{{name}} не додано: на повідомлення дозволено не більше {{count}} файлів.',
  tooMany_other: '{{name}} не додано: на повідомлення дозволено не більше {{count}} файлу.',
  failed: '{{name}} не завантажено. {{reason}}',
  retry: 'Спробувати ще раз',
  retryNamed: 'Спробувати ще раз: завантажити {{name}}',
  remove: 'Вилучити',
  removeNamed: 'Вилучити {{name}}',
  download: 'Завантажити {{name}}',
  wait: 'Зачекайте, будь ласка, доки всі файли завантажаться, або вилучіть файли з помилкою.',
  drop: 'Перетягніть файл сюди, щоб додати його.',
  errors: {
    attachment_rejected: 'Антивірусна перевірка відхилила файл.',
  },
} satisfies Strings;

export default uk;
