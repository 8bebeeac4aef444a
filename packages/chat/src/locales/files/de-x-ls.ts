import type { Strings } from '@civic-elements/core';

/**
 * Texts of attachments (namespace `chat-files`) in Leichte Sprache (`de-x-ls`): short sentences,
 * hard words explained. Same keys as `de.ts`.
 */
const deXLs = {
  attach: 'Datei mit-schicken',
  hint_one: 'Diese Dateien gehen: {{types}}. Eine Datei darf höchstens {{max}} groß sein. Sie können {{count}} Datei mit einer Nachricht schicken.',
  hint_other: 'Diese Dateien gehen: {{types}}. Eine Datei darf höchstens {{max}} groß sein. Sie können bis zu {{count}} Dateien mit einer Nachricht schicken.',
  list: 'Diese Dateien schicken Sie mit der nächsten Nachricht',
  uploading: '{{name}} wird geschickt',
  uploadingShort: 'Bitte warten. Die Datei wird geschickt.',
  done: 'Fertig',
  tooLarge: '{{name}} ist zu groß. Eine Datei darf höchstens {{max}} groß sein.',
  wrongType: '{{name}} geht nicht. Diese Dateien gehen: {{types}}.',
  tooMany_one: '{{name}} ist nicht dabei. Sie können nur {{count}} Datei mit einer Nachricht schicken.',
  tooMany_other: '{{name}} ist nicht dabei. Sie können nur {{count}} Dateien mit einer Nachricht schicken.',
  failed: '{{name}} ist nicht angekommen. {{reason}}',
  retry: 'Noch einmal versuchen',
  retryNamed: 'Noch einmal versuchen: {{name}} schicken',
  remove: 'Weg-nehmen',
  removeNamed: '{{name}} weg-nehmen',
  download: '{{name}} speichern',
  wait: 'Bitte warten Sie. Noch sind nicht alle Dateien fertig. Oder nehmen Sie die Dateien mit Fehler weg.',
  drop: 'Lassen Sie die Datei hier los. Dann ist die Datei dabei.',
  errors: {
    attachment_rejected:
      'Die Datei hat vielleicht einen Virus. Ein Virus ist ein schädliches Programm. Darum nehmen wir die Datei nicht an.',
  },
} satisfies Strings;

export default deXLs;
