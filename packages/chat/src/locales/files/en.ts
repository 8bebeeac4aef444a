import type de from './de.js';

/** Texts of attachments (namespace `chat-files`), English. */
const en: typeof de = {
  attach: 'Attach a file',
  hint_one: 'Allowed: {{types}} up to {{max}}, {{count}} file per message.',
  hint_other: 'Allowed: {{types}} up to {{max}} each, at most {{count}} files per message.',
  list: 'Files for your next message',
  uploading: 'Uploading {{name}}',
  uploadingShort: 'Uploading …',
  done: 'Uploaded',
  tooLarge: '{{name}} is too large. Files may be at most {{max}}.',
  wrongType: '{{name}}: this kind of file is not allowed. Allowed are {{types}}.',
  tooMany_one: '{{name}} was not attached: {{count}} file per message is allowed.',
  tooMany_other: '{{name}} was not attached: at most {{count}} files per message are allowed.',
  failed: '{{name}} was not uploaded. {{reason}}',
  retry: 'Try again',
  retryNamed: 'Try again: upload {{name}}',
  remove: 'Remove',
  removeNamed: 'Remove {{name}}',
  download: 'Download {{name}}',
  wait: 'Please wait until all files are uploaded, or remove the files with an error.',
  drop: 'Drop the file here to attach it.',
  errors: {
    attachment_rejected: 'The virus scan refused the file.',
  },
};

export default en;
