// The WordPress plugin (integrations/wordpress/civic-elements), tested with Debian's php-cli:
// `php -l` on every PHP file, and the [civic_widget] shortcode rendered against a small stub of the
// WordPress functions it uses (wordpress-stub.php).
//
//   node --conditions=civic-source --import tsx --test integrations/test/*.node.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const PLUGIN_DIR = resolve(HERE, '../wordpress/civic-elements');
const PLUGIN = join(PLUGIN_DIR, 'civic-elements.php');
const STUB = join(HERE, 'wordpress-stub.php');

function php(args: string[]) {
  const result = spawnSync('php', args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    assert.fail('php is not installed. Install it with: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y php-cli');
  }
  return result;
}

interface Case {
  atts: Record<string, string> | string;
  content?: string;
  options?: Record<string, string>;
}

function render(cases: Case[], withModules = false): { shortcodes: string[]; renders: string[]; modules: [string, string][] } {
  const dir = mkdtempSync(join(tmpdir(), 'civic-wp-'));
  try {
    const file = join(dir, 'cases.json');
    writeFileSync(file, JSON.stringify(cases));
    const result = php([STUB, PLUGIN, file, ...(withModules ? ['with-modules'] : [])]);
    assert.equal(result.status, 0, result.stderr || result.stdout);
    assert.equal(result.stderr, '', 'PHP printed warnings or notices');
    return JSON.parse(result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SCRIPT = { civic_elements_script_url: 'https://www.musterstadt.example/civic/civic-elements.js' };

test('every PHP file of the plugin (and the stub) passes php -l', () => {
  const files = [...readdirSync(PLUGIN_DIR).filter((f) => f.endsWith('.php')).map((f) => join(PLUGIN_DIR, f)), STUB];
  assert.ok(files.length >= 3);
  for (const file of files) {
    const result = php(['-l', file]);
    assert.equal(result.status, 0, `${file}: ${result.stdout}${result.stderr}`);
  }
});

test('php -l catches a syntax error (control)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-wp-'));
  try {
    writeFileSync(join(dir, 'broken.php'), '<?php function (');
    assert.notEqual(php(['-l', join(dir, 'broken.php')]).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('registers [civic_widget] and renders the element with its attributes and fallback content', () => {
  const { shortcodes, renders } = render([
    {
      atts: { tag: 'civic-appointment-picker', service: 'personalausweis', lang: 'de' },
      content: 'Termine auch telefonisch: <a href="tel:+4912345670">01234 5670</a>',
      options: SCRIPT,
    },
  ]);
  assert.deepEqual(shortcodes, ['civic_widget']);
  assert.equal(
    renders[0],
    '<script type="module" src="https://www.musterstadt.example/civic/civic-elements.js"></script>\n' +
      '<civic-appointment-picker lang="de" service="personalausweis">Termine auch telefonisch: <a href="tel:+4912345670">01234 5670</a></civic-appointment-picker>',
  );
});

test('prints the script tag once, however many widgets the page has', () => {
  const { renders } = render([
    { atts: { tag: 'civic-status-tracker' }, options: SCRIPT },
    { atts: { tag: 'civic-queue-display', location: 'buergerbuero-mitte' } },
    { atts: { tag: 'civic-chat' } },
  ]);
  assert.equal(renders.join('').match(/<script/g)?.length, 1);
  assert.ok(renders[0]!.startsWith('<script type="module"'));
  assert.equal(renders[1], '<civic-queue-display location="buergerbuero-mitte"></civic-queue-display>');
});

test('with WordPress ≥ 6.5 enqueues a script module once instead of printing a tag', () => {
  const { renders, modules } = render(
    [
      { atts: { tag: 'civic-status-tracker' }, options: SCRIPT },
      { atts: { tag: 'civic-chat' } },
    ],
    true,
  );
  assert.deepEqual(modules, [['civic-elements', SCRIPT.civic_elements_script_url]]);
  assert.ok(!renders.join('').includes('<script'));
});

test('escapes attribute values, so an editor cannot break out of the attribute', () => {
  const { renders } = render([{ atts: { tag: 'civic-appointment-picker', service: '"><script>alert(1)</script>' } }]);
  assert.equal(
    renders[0],
    '<civic-appointment-picker service="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"></civic-appointment-picker>',
  );
});

test('refuses unknown tags and drops unknown attributes (no event handlers, no style)', () => {
  const { renders } = render([
    { atts: { tag: 'script' } },
    { atts: { tag: 'civic-evil' } },
    { atts: { tag: 'civic-chat', onclick: 'alert(1)', style: 'display:none', class: 'x' } },
  ]);
  assert.equal(renders[0], '');
  assert.equal(renders[1], '');
  assert.equal(renders[2], '<civic-chat></civic-chat>');
});

test('api-base: the settings default applies unless the shortcode names one; a javascript: URL is dropped', () => {
  const { renders } = render([
    { atts: { tag: 'civic-status-tracker' }, options: { civic_elements_api_base: 'https://api.musterstadt.example' } },
    { atts: { tag: 'civic-status-tracker', 'api-base': 'https://other.example/v1' } },
    { atts: { tag: 'civic-status-tracker', 'api-base': 'javascript:alert(1)' } },
  ]);
  assert.equal(renders[0], '<civic-status-tracker api-base="https://api.musterstadt.example"></civic-status-tracker>');
  assert.equal(renders[1], '<civic-status-tracker api-base="https://other.example/v1"></civic-status-tracker>');
  assert.equal(renders[2], '<civic-status-tracker></civic-status-tracker>');
});

test('fallback content is filtered like post content (no script, no event handlers)', () => {
  const { renders } = render([
    { atts: { tag: 'civic-chat' }, content: '<p onclick="x()">Fragen?</p><script>alert(1)</script>' },
  ]);
  assert.equal(renders[0], '<civic-chat><p>Fragen?</p></civic-chat>');
});

test('without a configured script URL no script tag is printed (the widget still shows its fallback)', () => {
  const { renders } = render([{ atts: { tag: 'civic-chat' }, content: 'Fragen? 01234 5670' }]);
  assert.equal(renders[0], '<civic-chat>Fragen? 01234 5670</civic-chat>');
});
