import type { Strings } from '@civic-elements/core';

/** Texts of attachments (namespace `chat-files`), Turkish. */
const tr = {
  attach: 'Dosya ekle',
  hint_one: 'İzin verilenler: {{max}} boyutuna kadar {{types}}, mesaj başına {{count}} dosya.',
  hint_other: 'İzin verilenler: dosya başına {{max}} boyutuna kadar {{types}}, mesaj başına en fazla {{count}} dosya.',
  list: 'Sonraki mesajınız için dosyalar',
  uploading: '{{name}} yükleniyor',
  uploadingShort: 'Yükleniyor …',
  done: 'Yüklendi',
  tooLarge: '{{name}} çok büyük. Dosya başına en fazla {{max}} izin verilir.',
  wrongType: '{{name}}: Bu dosya türüne izin verilmiyor. İzin verilenler: {{types}}.',
  tooMany_one: '{{name}} eklenmedi: Mesaj başına {{count}} dosyaya izin verilir.',
  tooMany_other: '{{name}} eklenmedi: Mesaj başına en fazla {{count}} dosyaya izin verilir.',
  failed: '{{name}} yüklenmedi. {{reason}}',
  retry: 'Yeniden dene',
  retryNamed: 'Yeniden dene: {{name}} dosyasını yükle',
  remove: 'Kaldır',
  removeNamed: '{{name}} dosyasını kaldır',
  download: '{{name}} dosyasını indir',
  wait: 'Lütfen tüm dosyalar yüklenene kadar bekleyin veya hatalı dosyaları kaldırın.',
  drop: 'Eklemek için dosyayı buraya bırakın.',
  errors: {
    attachment_rejected: 'Virüs taraması dosyayı reddetti.',
  },
} satisfies Strings;

export default tr;
