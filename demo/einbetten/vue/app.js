// The Vue page of the demo (/einbetten/vue/): Vue 3 drives Civic Elements from the CDN bundle.
// Render functions (`h()`), no templates: compiling a template at run time needs `new Function`,
// which a strict Content-Security-Policy forbids (with a build step, single-file components compile
// ahead of time and work too). Bundled by rollup.config.js into /assets/frameworks/dist/vue.js; the
// widgets come from the one CDN script tag on the page.
//
// Vue 3 and custom elements (a tag string passed to h() is never resolved as a Vue component):
// - a prop the element has as a property is set as the property, anything else as an attribute;
//   `'.strings'` forces a property (in a template: `.strings` or `:strings.prop`), `'^lang'` an
//   attribute. A property set before the CDN loader upgrades the tag is kept by Lit.
// - `onCivicStepChange` listens to `civic-step-change` (Vue hyphenates the name after `on`; in a
//   template: `@civic-step-change`).
import { createApp, h, ref } from 'vue';
import { LANGUAGES, TAG, TITLE_OVERRIDE, eventLine, languageOption } from '../frameworks-shared.js';

let nextId = 1;

const App = {
  name: 'CivicVueDemo',
  setup() {
    const lang = ref('de');
    const ownTitle = ref(true);
    const events = ref([]);
    const record = (event) => {
      events.value = [...events.value.slice(-9), { id: nextId++, text: eventLine(event) }];
    };

    return () => [
      h('form', { class: 'framework-controls', onSubmit: (event) => event.preventDefault() }, [
        h('p', [
          h('label', { for: 'vue-lang' }, 'Sprache der Bausteine '),
          h(
            'select',
            { id: 'vue-lang', value: lang.value, onChange: (event) => (lang.value = event.target.value) },
            LANGUAGES.map((language) => h('option', languageOption(language), language.name)),
          ),
        ]),
        h('p', [
          h('input', {
            id: 'vue-title',
            type: 'checkbox',
            checked: ownTitle.value,
            onChange: (event) => (ownTitle.value = event.target.checked),
          }),
          h('label', { for: 'vue-title' }, ' Eigene Überschrift (Eigenschaft strings)'),
        ]),
      ]),
      h('civic-config', { 'api-base': '/api', lang: lang.value }, [
        h(
          TAG,
          {
            'privacy-url': '/datenschutz/',
            '.strings': ownTitle.value ? TITLE_OVERRIDE : {},
            onCivicStepChange: record,
            onCivicHoldExpired: record,
            onCivicBookingConfirmed: record,
            onCivicBookingCancelled: record,
          },
          [h('div', { class: 'fallback' }, [h('p', ['Termine auch telefonisch: ', h('a', { href: 'tel:+4912345670' }, '01234 5670')])])],
        ),
      ]),
      h('section', { 'aria-labelledby': 'vue-events', class: 'framework-events' }, [
        h('h2', { id: 'vue-events' }, 'Ereignisse, die Vue empfangen hat'),
        h('div', { role: 'log', 'aria-labelledby': 'vue-events' }, [
          h('ol', events.value.map((entry) => h('li', { key: entry.id }, [h('code', entry.text)]))),
        ]),
        events.value.length === 0 ? h('p', { class: 'framework-events__empty' }, 'Noch keine. Wählen Sie oben ein Anliegen.') : null,
      ]),
    ];
  },
};

createApp(App).mount('#vue-app');
