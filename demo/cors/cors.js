// Demo page /cors/: the widgets talk to the API on the demo's second origin (server mode of
// scripts/start.mjs: http://127.0.0.2:<port>/api, CORS allows this page's origin). The module runs
// before the library's script tag, so the widgets start with the right api-base. With the
// in-browser mock (--mock) there is no second origin: the widgets keep /api and the page says so.
import * as backend from '/demo-backend.js';

const note = document.getElementById('api-adresse');
const config = document.getElementById('cors-config');
const second = typeof backend.secondApiBase === 'string' ? backend.secondApiBase : null;

if (second && config) {
  config.setAttribute('api-base', second);
  note.textContent = `Die Widgets auf dieser Seite sprechen mit der API unter ${second} – einer anderen Adresse als diese Seite (${location.origin}).`;
} else {
  note.textContent =
    'Im Moment gibt es keine zweite Adresse: Die Demo läuft mit der Mock-API im Browser (npm start -- --mock) oder 127.0.0.2 ist auf diesem Rechner nicht erreichbar. Die Widgets nutzen deshalb /api dieser Seite.';
}
