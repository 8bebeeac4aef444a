import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import './docs.css';

interface ConfigArgs {
  apiBase: string;
  lang: 'de' | 'en';
  ags: string;
  theme: 'auto' | 'light' | 'dark';
}

// The provider renders nothing of its own, so the story says in words what it provides. The text
// sits inside <civic-config lang>, so it is written in that language.
const text = {
  de: {
    heading: 'Gemeinsame Einstellungen für alle Widgets',
    intro:
      'Dieses <civic-config> gibt jedem Civic-Elements-Widget darin die folgenden Einstellungen. ' +
      'Ein Widget, das dasselbe Attribut selbst trägt, verwendet seinen eigenen Wert.',
    apiBase: 'Adresse des Back-Ends (api-base)',
    lang: 'Sprache (lang)',
    ags: 'Amtlicher Gemeindeschlüssel (ags)',
    theme: 'Farbschema (theme)',
    none: 'nicht gesetzt',
    sample: 'Diese Fläche verwendet die Tokens --civic-color-surface-raised und --civic-color-text des gewählten Farbschemas.',
  },
  en: {
    heading: 'Shared settings for every widget',
    intro:
      'This <civic-config> gives every Civic Elements widget inside it the settings below. ' +
      'A widget that carries the same attribute itself uses its own value.',
    apiBase: 'Back end address (api-base)',
    lang: 'Language (lang)',
    ags: 'Official municipality key (ags)',
    theme: 'Colour scheme (theme)',
    none: 'not set',
    sample: 'This box uses the --civic-color-surface-raised and --civic-color-text tokens of the chosen colour scheme.',
  },
};

const meta: Meta<ConfigArgs> = {
  title: 'Core/civic-config',
  component: 'civic-config',
  argTypes: {
    apiBase: { control: 'text', description: 'Base URL of the back end that implements the REST contract' },
    lang: { control: 'inline-radio', options: ['de', 'en'], description: 'Language for every widget inside' },
    ags: { control: 'text', description: 'Amtlicher Gemeindeschlüssel, sent as X-Civic-AGS' },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'], description: 'Colour scheme' },
  },
  args: { apiBase: '/api', lang: 'de', ags: '', theme: 'auto' },
  render: ({ apiBase, lang, ags, theme }) => {
    const t = text[lang];
    return html`<civic-config
      api-base=${ifDefined(apiBase || undefined)}
      lang=${lang}
      ags=${ifDefined(ags || undefined)}
      theme=${theme}
    >
      <section class="civic-config-story" aria-labelledby="civic-config-story-heading">
        <h1 id="civic-config-story-heading">${t.heading}</h1>
        <p>${t.intro}</p>
        <dl>
          <dt>${t.apiBase}</dt>
          <dd><code>${apiBase || t.none}</code></dd>
          <dt>${t.lang}</dt>
          <dd><code>${lang}</code></dd>
          <dt>${t.ags}</dt>
          <dd><code>${ags || t.none}</code></dd>
          <dt>${t.theme}</dt>
          <dd><code>${theme}</code></dd>
        </dl>
        <p class="civic-config-story__sample">${t.sample}</p>
      </section>
    </civic-config>`;
  },
};

export default meta;
type Story = StoryObj<ConfigArgs>;

/** The usual setup on a town's website: the back end under /api, German, colours follow the system. */
export const Default: Story = { parameters: { smoke: { waitFor: 'civic-config h1' } } };

/** A multi-town back end: the AGS names the town; the dark scheme is forced. */
export const DarkThemeWithAgs: Story = {
  args: { ags: '09162000', theme: 'dark' },
  parameters: { smoke: { waitFor: 'civic-config h1' } },
};

/** English for every widget inside, on a back end on another origin (it must allow CORS). */
export const English: Story = {
  args: { lang: 'en', apiBase: 'https://termine.musterstadt.example/api', theme: 'light' },
  parameters: { smoke: { waitFor: 'civic-config h1' } },
};
