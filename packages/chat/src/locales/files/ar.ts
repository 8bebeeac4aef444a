import type { Strings } from '@civic-elements/core';

/** Texts of attachments (namespace `chat-files`), Arabic (six plural forms). */
const ar = {
  attach: 'إرفاق ملف',
  hint_zero: 'المسموح: {{types}} حتى {{max}} لكل ملف، ولا ملفات في الرسالة.',
  hint_one: 'المسموح: {{types}} حتى {{max}}، ملف واحد لكل رسالة.',
  hint_two: 'المسموح: {{types}} حتى {{max}} لكل ملف، ملفان على الأكثر لكل رسالة.',
  hint_few: 'المسموح: {{types}} حتى {{max}} لكل ملف، {{count}} ملفات على الأكثر لكل رسالة.',
  hint_many: 'المسموح: {{types}} حتى {{max}} لكل ملف، {{count}} ملفًا على الأكثر لكل رسالة.',
  hint_other: 'المسموح: {{types}} حتى {{max}} لكل ملف، {{count}} ملف على الأكثر لكل رسالة.',
  list: 'ملفات رسالتك التالية',
  uploading: 'جارٍ رفع {{name}}',
  uploadingShort: 'جارٍ الرفع …',
  done: 'تم الرفع',
  tooLarge: '{{name}} كبير جدًا. الحد الأقصى {{max}} لكل ملف.',
  wrongType: '{{name}}: هذا النوع من الملفات غير مسموح. المسموح: {{types}}.',
  tooMany_zero: 'لم يُرفق {{name}}: لا يُسمح بملفات في الرسالة.',
  tooMany_one: 'لم يُرفق {{name}}: يُسمح بملف واحد لكل رسالة.',
  tooMany_two: 'لم يُرفق {{name}}: يُسمح بملفين على الأكثر لكل رسالة.',
  tooMany_few: 'لم يُرفق {{name}}: يُسمح بـ {{count}} ملفات على الأكثر لكل رسالة.',
  tooMany_many: 'لم يُرفق {{name}}: يُسمح بـ {{count}} ملفًا على الأكثر لكل رسالة.',
  tooMany_other: 'لم يُرفق {{name}}: يُسمح بـ {{count}} ملف على الأكثر لكل رسالة.',
  failed: 'لم يُرفع {{name}}. {{reason}}',
  retry: 'إعادة المحاولة',
  retryNamed: 'إعادة المحاولة: رفع {{name}}',
  remove: 'إزالة',
  removeNamed: 'إزالة {{name}}',
  download: 'تنزيل {{name}}',
  wait: 'يرجى الانتظار حتى تُرفع كل الملفات، أو إزالة الملفات التي فيها خطأ.',
  drop: 'أفلت الملف هنا لإرفاقه.',
  errors: {
    attachment_rejected: 'رفض فحص الفيروسات الملف.',
  },
} satisfies Strings;

export default ar;
