/**
 * `/dev/outbox`: the development outbox as a plain HTML page (newest first), so a developer can
 * read the e-mails the server would have sent. Only mounted when e-mails go to the outbox folder
 * (never with a real mail server). All text is escaped; no scripts, no inline styles.
 */
import { readMail, type OutboxNotifier } from './notifier.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function outboxPage(outbox: OutboxNotifier): Response {
  const mails = outbox.list().map((m) => ({ name: m.name, ...readMail(m.text) }));
  const items = mails
    .map(
      (m) => `<article>
<h2>${escape(m.headers.subject ?? '')}</h2>
<dl><dt>An</dt><dd>${escape(m.headers.to ?? '')}</dd><dt>Datum</dt><dd>${escape(m.headers.date ?? '')}</dd>${m.attachments.length ? `<dt>Anhänge</dt><dd>${m.attachments.map(escape).join(', ')}</dd>` : ''}</dl>
<pre>${escape(m.text)}</pre>
</article>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Postausgang (Entwicklung)</title></head>
<body><main><h1>Postausgang (Entwicklung)</h1>
<p>E-Mails, die der Server verschickt hätte (${mails.length}), die neueste zuerst.</p>
${items || '<p>Noch keine E-Mails.</p>'}
</main></body></html>
`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'",
      'Referrer-Policy': 'no-referrer',
    },
  });
}
