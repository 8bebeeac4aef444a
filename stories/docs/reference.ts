// A widget's reference page, rendered from the custom elements manifest (stories/docs/manifest.ts):
// attributes, JavaScript-only properties, events, slots, CSS parts and CSS custom properties, each
// as a table. Descriptions are the components' JSDoc, rendered as text (`code` spans become <code>).
import { html, nothing, type TemplateResult } from 'lit';
import { elementDoc, propertiesOnly, type ElementDoc } from './manifest.js';
import './reference.css';

/** Text with `backtick` spans as <code>; never HTML. */
export function richText(text: string | undefined): TemplateResult | typeof nothing {
  if (!text) return nothing;
  const parts = text.split('`');
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

const typeOf = (type: { text: string } | undefined) => (type ? html`<code>${type.text}</code>` : nothing);
const valueOf = (value: string | undefined) => (value === undefined ? nothing : html`<code>${value}</code>`);

interface Column<T> {
  title: string;
  cell: (row: T) => unknown;
}

/** One section: a heading and a table, or "None." — the table scrolls inside its own region. */
function section<T>(id: string, title: string, rows: readonly T[], columns: Column<T>[], intro?: TemplateResult): TemplateResult {
  return html`<section aria-labelledby=${id}>
    <h2 id=${id}>${title} <span class="civic-reference__count">(${rows.length})</span></h2>
    ${intro ?? nothing}
    ${rows.length === 0
      ? html`<p>None.</p>`
      : html`<div class="civic-reference__table" role="region" aria-labelledby=${id} tabindex="0">
          <table>
            <thead>
              <tr>
                ${columns.map((c) => html`<th scope="col">${c.title}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows.map((row) => html`<tr>${columns.map((c) => html`<td>${c.cell(row)}</td>`)}</tr>`)}
            </tbody>
          </table>
        </div>`}
  </section>`;
}

/** The counts a page shows, in order (also what the docs stories' tests check). */
export function referenceCounts(doc: ElementDoc): Record<string, number> {
  return {
    attributes: doc.attributes?.length ?? 0,
    properties: propertiesOnly(doc).length,
    events: doc.events?.length ?? 0,
    slots: doc.slots?.length ?? 0,
    parts: doc.cssParts?.length ?? 0,
    cssProperties: doc.cssProperties?.length ?? 0,
  };
}

/** The reference page of `tag`. JSDoc is English, so the page says `lang="en"` whatever the frame. */
export function referencePage(tag: string): TemplateResult {
  const found = elementDoc(tag);
  if (!found) return html`<p role="alert">&lt;${tag}&gt; is not in the custom elements manifest.</p>`;
  const { doc, path } = found;
  const p = tag.replace(/^civic-/, '');
  return html`<article class="civic-reference" lang="en" dir="ltr" data-tag=${tag}>
    <h1><code>&lt;${tag}&gt;</code></h1>
    ${doc.summary ? html`<p class="civic-reference__summary">${richText(doc.summary)}</p>` : nothing}
    ${doc.description ? html`<p>${richText(doc.description)}</p>` : nothing}
    <p class="civic-reference__source">
      Generated from the JSDoc of <code>${path}</code> (custom elements manifest). Every state of the widget, live:
      the <code>Widgets/${tag}</code> stories. The toolbar switches language, colour scheme and brand.
    </p>
    ${section(
      `${p}-attributes`,
      'Attributes',
      doc.attributes ?? [],
      [
        { title: 'Attribute', cell: (a) => html`<code>${a.name}</code>` },
        { title: 'Property', cell: (a) => valueOf(a.fieldName) },
        { title: 'Type', cell: (a) => typeOf(a.type) },
        { title: 'Default', cell: (a) => valueOf(a.default) },
        { title: 'Description', cell: (a) => richText(a.description) },
      ],
      tag === 'civic-config'
        ? undefined
        : html`<p>
            The language is the global <code>lang</code> attribute: the widget's own, else the closest <code>[lang]</code>
            (a <code>&lt;civic-config lang&gt;</code> counts), else <code>&lt;html lang&gt;</code>. <code>api-base</code> and
            <code>ags</code> also come from a surrounding <code>&lt;civic-config&gt;</code>; the widget's own attribute wins.
          </p>`,
    )}
    ${section(
      `${p}-properties`,
      'Properties (JavaScript only)',
      propertiesOnly(doc),
      [
        { title: 'Property', cell: (m) => html`<code>${m.name}</code>` },
        { title: 'Type', cell: (m) => typeOf(m.type) },
        { title: 'Description', cell: (m) => richText(m.description) },
      ],
      html`<p>Set these from JavaScript (<code>element.strings = {…}</code>); they have no attribute.</p>`,
    )}
    ${section(`${p}-events`, 'Events', doc.events ?? [], [
      { title: 'Event', cell: (e) => html`<code>${e.name}</code>` },
      { title: 'Detail', cell: (e) => typeOf(e.type) },
      { title: 'Description', cell: (e) => richText(e.description) },
    ], html`<p>Every event bubbles out of the shadow root (<code>composed</code>); no detail carries personal data.</p>`)}
    ${section(`${p}-slots`, 'Slots', doc.slots ?? [], [
      { title: 'Slot', cell: (s) => (s.name ? html`<code>${s.name}</code>` : 'default') },
      { title: 'Description', cell: (s) => richText(s.description) },
    ])}
    ${section(`${p}-parts`, 'CSS parts', doc.cssParts ?? [], [
      { title: 'Part', cell: (s) => html`<code>::part(${s.name})</code>` },
      { title: 'Description', cell: (s) => richText(s.description) },
    ])}
    ${section(`${p}-css-properties`, 'CSS custom properties', doc.cssProperties ?? [], [
      { title: 'Property', cell: (s) => html`<code>${s.name}</code>` },
      { title: 'Default', cell: (s) => valueOf(s.default) },
      { title: 'Description', cell: (s) => richText(s.description) },
    ])}
  </article>`;
}
