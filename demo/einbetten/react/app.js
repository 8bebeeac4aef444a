// The React page of the demo (/einbetten/react/): React 19 drives Civic Elements from the CDN bundle.
// No JSX (nothing here compiles it): React.createElement, which is what JSX compiles to. Bundled by
// rollup.config.js into /assets/frameworks/dist/react.js; the widgets themselves come from the one
// CDN script tag on the page, as on any town's site.
//
// React 19 and custom elements:
// - a prop whose name the element has as a property (`'strings' in element`) is set as that
//   property (objects arrive as objects); any other prop becomes an attribute (`api-base`).
// - `on` + the exact event name adds a listener: `'oncivic-step-change': handler`.
// - React decides property or attribute when it sets the prop. The CDN loader upgrades a tag only
//   after it is in the page, so an object property (here `strings`) is passed only once the
//   element is defined (`customElements.whenDefined`); before that it would become an attribute.
import { Fragment, createElement as h, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LANGUAGES, TAG, TITLE_OVERRIDE, eventLine, languageOption } from '../frameworks-shared.js';

let nextId = 1;

function App() {
  const [lang, setLang] = useState('de');
  const [ownTitle, setOwnTitle] = useState(true);
  const [events, setEvents] = useState([]);
  const [defined, setDefined] = useState(() => customElements.get(TAG) !== undefined);

  useEffect(() => {
    if (defined) return undefined;
    let active = true;
    customElements.whenDefined(TAG).then(() => active && setDefined(true));
    return () => {
      active = false;
    };
  }, [defined]);

  const record = useCallback((event) => {
    const entry = { id: nextId++, text: eventLine(event) };
    setEvents((list) => [...list.slice(-9), entry]);
  }, []);

  return h(
    Fragment,
    null,
    h(
      'form',
      { className: 'framework-controls', onSubmit: (event) => event.preventDefault() },
      h(
        'p',
        null,
        h('label', { htmlFor: 'react-lang' }, 'Sprache der Bausteine '),
        h(
          'select',
          { id: 'react-lang', value: lang, onChange: (event) => setLang(event.target.value) },
          LANGUAGES.map((language) => h('option', languageOption(language), language.name)),
        ),
      ),
      h(
        'p',
        null,
        h('input', {
          id: 'react-title',
          type: 'checkbox',
          checked: ownTitle,
          onChange: (event) => setOwnTitle(event.target.checked),
        }),
        h('label', { htmlFor: 'react-title' }, ' Eigene Überschrift (Eigenschaft strings)'),
      ),
    ),
    h(
      'civic-config',
      { 'api-base': '/api', lang },
      h(
        TAG,
        {
          'privacy-url': '/datenschutz/',
          ...(defined ? { strings: ownTitle ? TITLE_OVERRIDE : {} } : {}),
          'oncivic-step-change': record,
          'oncivic-hold-expired': record,
          'oncivic-booking-confirmed': record,
          'oncivic-booking-cancelled': record,
        },
        h(
          'div',
          { className: 'fallback' },
          h('p', null, 'Termine auch telefonisch: ', h('a', { href: 'tel:+4912345670' }, '01234 5670')),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'react-events', className: 'framework-events' },
      h('h2', { id: 'react-events' }, 'Ereignisse, die React empfangen hat'),
      h(
        'div',
        { role: 'log', 'aria-labelledby': 'react-events' },
        h('ol', null, events.map((entry) => h('li', { key: entry.id }, h('code', null, entry.text)))),
      ),
      events.length === 0 ? h('p', { className: 'framework-events__empty' }, 'Noch keine. Wählen Sie oben ein Anliegen.') : null,
    ),
  );
}

createRoot(document.getElementById('react-app')).render(h(App));
