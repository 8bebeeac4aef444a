// One reference page per tag, generated from the custom elements manifest (see reference.ts), and
// an overview. The toolbar's language, colour scheme and brand switchers apply as everywhere
// (.storybook/preview.ts). The overview fails to render (so the Storybook smoke fails) when the
// manifest has a tag without a page here.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { allTags, elementDoc } from './manifest.js';
import { referenceCounts, referencePage, richText } from './reference.js';

const meta: Meta = {
  title: 'Docs/Reference',
  parameters: { smoke: { waitFor: '.civic-reference' } },
};
export default meta;

type Story = StoryObj;

const PAGES: string[] = [];
const COUNT_TITLES = ['Attributes', 'Properties', 'Events', 'Slots', 'Parts', 'CSS properties'];
const page = (tag: string): Story => {
  PAGES.push(tag);
  return { name: `<${tag}>`, render: () => referencePage(tag) };
};

export const Overview: Story = {
  render: () => {
    const missing = allTags().filter((tag) => !PAGES.includes(tag));
    if (missing.length > 0) throw new Error(`No reference page for ${missing.join(', ')}: add it to stories/docs/reference.stories.ts`);
    return html`<article class="civic-reference" lang="en" dir="ltr">
      <h1>Civic Elements: every tag</h1>
      <p>Generated from the custom elements manifest. Each tag has a reference page below this one.</p>
      <div class="civic-reference__table" role="region" aria-label="Tags" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Summary</th>
              ${COUNT_TITLES.map((title) => html`<th scope="col">${title}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${allTags().map((tag) => {
              const doc = elementDoc(tag)!.doc;
              return html`<tr>
                <td><code>&lt;${tag}&gt;</code></td>
                <td>${richText(doc.summary)}</td>
                ${Object.values(referenceCounts(doc)).map((n) => html`<td>${n}</td>`)}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </article>`;
  },
};

export const AppointmentPicker: Story = page('civic-appointment-picker');
export const StatusTracker: Story = page('civic-status-tracker');
export const Chat: Story = page('civic-chat');
export const QueueDisplay: Story = page('civic-queue-display');
export const CallDisplay: Story = page('civic-call-display');
export const VirtualOffice: Story = page('civic-virtual-office');
export const Config: Story = page('civic-config');
