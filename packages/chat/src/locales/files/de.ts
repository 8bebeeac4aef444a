import type { Strings } from '@civic-elements/core';

/**
 * Texts of attachments (namespace `chat-files`), German: bundled with the attachments chunk,
 * which loads with the conversation. Other languages load when needed.
 */
const de = {
  attach: 'Datei anhängen',
  hint_one: 'Erlaubt sind {{types}} bis {{max}}, {{count}} Datei pro Nachricht.',
  hint_other: 'Erlaubt sind {{types}} bis {{max}} je Datei, höchstens {{count}} Dateien pro Nachricht.',
  list: 'Dateien für Ihre nächste Nachricht',
  uploading: '{{name}} wird hochgeladen',
  uploadingShort: 'Wird hochgeladen …',
  done: 'Hochgeladen',
  tooLarge: '{{name}} ist zu groß. Erlaubt sind höchstens {{max}} je Datei.',
  wrongType: '{{name}}: Diese Art von Datei ist nicht erlaubt. Erlaubt sind {{types}}.',
  tooMany_one: '{{name}} wurde nicht angehängt: Pro Nachricht ist {{count}} Datei erlaubt.',
  tooMany_other: '{{name}} wurde nicht angehängt: Pro Nachricht sind höchstens {{count}} Dateien erlaubt.',
  failed: '{{name}} wurde nicht hochgeladen. {{reason}}',
  retry: 'Erneut versuchen',
  retryNamed: 'Erneut versuchen: {{name}} hochladen',
  remove: 'Entfernen',
  removeNamed: '{{name}} entfernen',
  download: '{{name}} herunterladen',
  wait: 'Bitte warten Sie, bis alle Dateien hochgeladen sind, oder entfernen Sie die Dateien mit Fehler.',
  drop: 'Datei hier ablegen, um sie anzuhängen.',
  errors: {
    attachment_rejected: 'Die Virenprüfung hat die Datei abgelehnt.',
  },
} satisfies Strings;

export default de;
