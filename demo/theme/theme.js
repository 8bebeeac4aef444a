// Switches the theme presets of the /theme/ demo page. No inline script or style: presets are
// <link> elements turned on and off through their media attribute; the colour scheme is the
// theme attribute of <civic-config>. Nothing is stored.
const form = document.getElementById('switcher');
const config = document.getElementById('config');
const status = document.getElementById('status');
const presets = {
  kern: document.getElementById('preset-kern'),
  musterstadt: document.getElementById('preset-musterstadt'),
};
const names = { default: 'Standard', kern: 'KERN-UX', musterstadt: 'Stadtmarke Musterstadt' };
const schemes = { light: 'hell', dark: 'dunkel', auto: 'wie das Gerät' };

function apply() {
  const preset = form.elements.namedItem('preset').value;
  const scheme = form.elements.namedItem('scheme').value;
  for (const [name, link] of Object.entries(presets)) link.media = name === preset ? 'all' : 'not all';
  config.setAttribute('theme', scheme);
  document.documentElement.dataset.preset = preset;
  status.textContent = `Aktiv: ${names[preset]}, ${schemes[scheme]}.`;
}

form.addEventListener('change', apply);
form.addEventListener('submit', (event) => event.preventDefault());
apply();
