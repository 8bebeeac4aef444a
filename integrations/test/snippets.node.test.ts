// Syntax checks of the CMS recipes that cannot run here (TYPO3, Drupal): every YAML file and every
// ```yaml block of docs/embedding.md parses, the TYPO3 csp.yaml has the shape TYPO3 reads, and every
// PHP file (TYPO3 TCA override, Drupal .module) passes `php -l`. TypoScript and Fluid are checked
// by eye only (no parser here) and marked "not run here" in the docs.
//
//   node --conditions=civic-source --import tsx --test integrations/test/*.node.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INTEGRATIONS = join(ROOT, 'integrations');

function files(dir: string, match: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && match.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function fencedBlocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]!);
}

test('every YAML file of the CMS recipes parses', () => {
  const yamlFiles = files(INTEGRATIONS, /\.ya?ml$/);
  assert.ok(yamlFiles.length >= 4, yamlFiles.join(', '));
  for (const file of yamlFiles) {
    assert.doesNotThrow(() => parse(readFileSync(file, 'utf8')), relative(ROOT, file));
  }
});

test('the YAML check catches broken YAML (control)', () => {
  assert.throws(() => parse('a: [1, 2\nb: :'));
});

test("TYPO3 csp.yaml: an enforce disposition with mutations TYPO3 understands", () => {
  const csp = parse(readFileSync(join(INTEGRATIONS, 'typo3/site/csp.yaml'), 'utf8'));
  assert.equal(csp.enforce.inheritDefault, true);
  for (const mutation of csp.enforce.mutations) {
    assert.ok(['append', 'extend', 'set', 'remove', 'reduce'].includes(mutation.mode), mutation.mode);
    assert.match(mutation.directive, /^[a-z-]+-src$/);
    for (const source of mutation.sources) assert.match(source, /^https:\/\/[a-z0-9.-]+$/);
  }
  assert.ok(csp.enforce.mutations.some((m: { directive: string }) => m.directive === 'connect-src'));
});

test('Drupal: the library is a module script, and every widget tag is allowed in Basic HTML', () => {
  const dir = join(INTEGRATIONS, 'drupal/civic_elements');
  const libraries = parse(readFileSync(join(dir, 'civic_elements.libraries.yml'), 'utf8'));
  const [asset] = Object.values(libraries['civic-elements'].js) as { type: string; attributes: { type: string } }[];
  assert.equal(asset!.type, 'external');
  assert.equal(asset!.attributes.type, 'module');
  const allowed = parse(readFileSync(join(dir, 'allowed-tags.yml'), 'utf8'));
  const tags = allowed['editor.editor.basic_html'].settings.plugins.ckeditor5_sourceEditing.allowed_tags.join(' ');
  for (const tag of ['civic-config', 'civic-appointment-picker', 'civic-status-tracker', 'civic-queue-ticket', 'civic-queue-display', 'civic-call-display', 'civic-virtual-office', 'civic-chat']) {
    assert.ok(tags.includes(`<${tag} `), tag);
    assert.ok(allowed.append_to_filter_html_allowed_html.includes(`<${tag} `), tag);
  }
});

test('every ```yaml block of docs/embedding.md parses', () => {
  const blocks = fencedBlocks(readFileSync(join(ROOT, 'docs/embedding.md'), 'utf8'), 'yaml');
  assert.ok(blocks.length >= 2);
  for (const block of blocks) assert.doesNotThrow(() => parse(block), block.slice(0, 80));
});

test('every PHP file of the TYPO3 and Drupal recipes passes php -l', () => {
  const phpFiles = [...files(join(INTEGRATIONS, 'typo3'), /\.php$/), ...files(join(INTEGRATIONS, 'drupal'), /\.(php|module)$/)];
  assert.ok(phpFiles.length >= 2);
  for (const file of phpFiles) {
    const result = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    if (result.error) assert.fail('php is not installed. Install it with: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y php-cli');
    assert.equal(result.status, 0, `${relative(ROOT, file)}: ${result.stdout}${result.stderr}`);
  }
});

test('the TYPO3 Fluid template prints only tags of the library, each with the fallback inside', () => {
  const template = readFileSync(join(INTEGRATIONS, 'typo3/civic_elements/Resources/Private/Templates/CivicWidget.html'), 'utf8');
  const cases = [...template.matchAll(/<f:case value="([a-z-]+)"><\1[ >][\s\S]*?<f:render section="Fallback"[\s\S]*?<\/\1><\/f:case>/g)].map((m) => m[1]);
  assert.deepEqual(cases, ['civic-appointment-picker', 'civic-status-tracker', 'civic-queue-ticket', 'civic-queue-display', 'civic-call-display', 'civic-virtual-office', 'civic-chat']);
  assert.ok(!/f:format\.raw/.test(template), 'no unescaped output');
});
