import { html, type TemplateResult } from 'lit';

export type TextPart = { text: string } | { text: string; href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}»“”’]+$/;

/**
 * Splits plain text into text and http(s) links. Nothing else ever becomes a link: not
 * `javascript:`, `data:`, `vbscript:` or any other scheme, and no HTML is interpreted.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(TRAILING, '');
    let href: string | undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Text with http(s) links as anchors (new tab, `rel="noopener noreferrer nofollow"`); all as text. */
export function renderText(text: string, linkLabel: (text: string) => string): TemplateResult {
  return html`${splitLinks(text).map((p) =>
    'href' in p
      ? html`<a href=${p.href} target="_blank" rel="noopener noreferrer nofollow" aria-label=${linkLabel(p.text)}>${p.text}</a>`
      : p.text,
  )}`;
}
