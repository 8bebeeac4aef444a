// Unit tests of the gates' pure parts (the `gates` step of npm test runs them before the browser gate):
//   node --test scripts/gates/
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoPages, personalData } from './demo-gates.mjs';
import { normalizeSnapshot, STATES } from './states.mjs';
import { attribute, germanSuite, groupOf, isOtherLanguage } from './suite-size.mjs';
import { cdnFiles, suitePageProblems } from './suite-page.mjs';

test('other languages are recognised by their chunk names, German texts and other chunks are not', () => {
  for (const name of ['chat/locales/en', 'chat/locales/launcher-ar', 'core/localize/locales/de-x-ls', 'queue-display/locales/uk', 'chat/locales/files/en']) {
    assert.equal(isOtherLanguage(name), true, name);
  }
  for (const name of ['chat/locales/panel-strings', 'chat/locales/de', 'shared', 'chat/panel/chat-panel', 'queue-display/shared/clock']) {
    assert.equal(isOtherLanguage(name), false, name);
  }
});

/** A CDN folder: entry → shared; a tag chunk that imports a panel on demand and English texts. */
function fakeCdn() {
  const dir = mkdtempSync(join(tmpdir(), 'suite-size-'));
  mkdirSync(join(dir, 'chunks'));
  const files = {
    'civic-elements.js': 'import"./chunks/shared-AAAAAAAA.js";',
    'chunks/shared-AAAAAAAA.js': 'export const a=1;',
    'chunks/widget-BBBBBBBB.js': 'import{a}from"./shared-AAAAAAAA.js";const p=()=>import("./panel-CCCCCCCC.js"),e=()=>import("./en-DDDDDDDD.js");',
    'chunks/panel-CCCCCCCC.js': 'import"./antibot-EEEEEEEE.js";export const panel=1;',
    'chunks/antibot-EEEEEEEE.js': 'export const pow=1;',
    'chunks/en-DDDDDDDD.js': 'export default{title:"Chat"};',
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const manifest = {
    entry: 'civic-elements.js',
    eager: ['civic-elements.js', 'chunks/shared-AAAAAAAA.js'],
    tags: { 'civic-widget': ['chunks/widget-BBBBBBBB.js'], 'civic-config': [] },
    chunks: {
      'civic-elements.js': 'civic-elements/loader',
      'chunks/shared-AAAAAAAA.js': 'shared',
      'chunks/widget-BBBBBBBB.js': 'widget/widget',
      'chunks/panel-CCCCCCCC.js': 'widget/panel',
      'chunks/antibot-EEEEEEEE.js': 'core/antibot/index',
      'chunks/en-DDDDDDDD.js': 'widget/locales/en',
    },
  };
  return { dir, manifest };
}

/** Runs `check(dir, manifest)` on a fresh fakeCdn() and removes it afterwards. */
function withFakeCdn(check) {
  const { dir, manifest } = fakeCdn();
  try {
    check(dir, manifest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the German suite: at load the tags’ chunks; every feature adds on-demand chunks but no other language', () => {
  withFakeCdn((dir, manifest) => {
    const suite = germanSuite(manifest, dir);
    assert.deepEqual(new Set(suite.atLoad), new Set(['civic-elements.js', 'chunks/shared-AAAAAAAA.js', 'chunks/widget-BBBBBBBB.js']));
    assert.deepEqual(
      new Set(suite.everyFeature),
      new Set(['civic-elements.js', 'chunks/shared-AAAAAAAA.js', 'chunks/widget-BBBBBBBB.js', 'chunks/panel-CCCCCCCC.js', 'chunks/antibot-EEEEEEEE.js']),
    );
  });
});

test('the German suite at load adds the chunks a widget fetches at its first state, with their static imports', () => {
  withFakeCdn((dir, manifest) => {
    const suite = germanSuite(manifest, dir, { 'civic-widget': ['widget/panel'] });
    assert.deepEqual(
      new Set(suite.atLoad),
      new Set(['civic-elements.js', 'chunks/shared-AAAAAAAA.js', 'chunks/widget-BBBBBBBB.js', 'chunks/panel-CCCCCCCC.js', 'chunks/antibot-EEEEEEEE.js']),
    );
  });
});

test('the suite page check names files fetched but not counted, counted but not fetched, and missing tags', () => {
  withFakeCdn((dir, manifest) => {
    const urls = ['http://127.0.0.1:1/cdn/civic-elements.js', 'http://127.0.0.1:1/cdn/chunks/shared-AAAAAAAA.js', 'http://127.0.0.1:1/cdn/chunks/panel-CCCCCCCC.js', 'http://127.0.0.1:1/api/v1/services'];
    const fetched = cdnFiles(urls);
    assert.deepEqual(fetched, new Set(['civic-elements.js', 'chunks/shared-AAAAAAAA.js', 'chunks/panel-CCCCCCCC.js']));
    const problems = suitePageProblems({ manifest, cdnDir: dir, fetched, html: '<civic-widget></civic-widget>' });
    assert.deepEqual(problems, [
      'the suite page has no <civic-config>',
      'fetched before any interaction but not counted: chunks/panel-CCCCCCCC.js (widget/panel)',
      'counted but not fetched: chunks/widget-BBBBBBBB.js (widget/widget)',
    ]);
    const all = cdnFiles([...urls.filter((u) => !u.includes('panel')), 'http://127.0.0.1:1/cdn/chunks/widget-BBBBBBBB.js']);
    assert.deepEqual(suitePageProblems({ manifest, cdnDir: dir, fetched: all, html: '<civic-widget><civic-config>' }), []);
  });
});

test('bytes are attributed to the source modules their source-map segments name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suite-size-'));
  try {
    // "AAAA" maps column 0 to source 0; "KCAA" moves 5 columns on and to source 1.
    writeFileSync(join(dir, 'x.js'), 'aaaaabbbbbbb');
    writeFileSync(
      join(dir, 'x.js.map'),
      JSON.stringify({ version: 3, sources: ['../node_modules/i18next/dist/esm/i18next.js', '../packages/core/src/a.ts'], mappings: 'AAAA,KCAA' }),
    );
    const { groups, total } = attribute(dir, ['x.js']);
    assert.equal(total.min, 12);
    assert.deepEqual(
      groups.map((g) => [g.name, g.min]),
      [
        ['core', 7],
        ['i18next', 5],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bytes without a mapping of their own belong to the last mapped source before them; before any, to glue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suite-size-'));
  try {
    // Line 1: "gg" unmapped, "CAAA" maps column 2 to source 0, "G" (one value: no source) at
    // column 5, "GCAA" at column 8 to source 1. Line 2 has no segment (the rest of a template literal).
    writeFileSync(join(dir, 'x.js'), 'ggaaa...bbbb\nbbb');
    writeFileSync(
      join(dir, 'x.js.map'),
      JSON.stringify({ version: 3, sources: ['../node_modules/i18next/dist/esm/i18next.js', '../packages/core/src/a.ts'], mappings: 'EAAA,G,GCAA;' }),
    );
    const { groups, total } = attribute(dir, ['x.js']);
    assert.equal(total.min, 16);
    assert.deepEqual(
      groups.map((g) => [g.name, g.min]),
      [
        ['core', 7],
        ['i18next', 6],
        ['bundler glue', 2],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('source paths fall into lit, i18next, core and the widget packages', () => {
  assert.equal(groupOf('/r/node_modules/lit-html/lit-html.js'), 'lit');
  assert.equal(groupOf('/r/node_modules/@lit/context/lib/x.js'), 'lit');
  assert.equal(groupOf('/r/node_modules/i18next/dist/esm/i18next.js'), 'i18next');
  assert.equal(groupOf('/r/packages/core/src/base/civic-element.ts'), 'core');
  assert.equal(groupOf('/r/packages/chat/src/panel/chat-panel.ts'), 'chat');
});

test('personal data: what the citizen typed and e-mail addresses, also URL-encoded', () => {
  assert.deepEqual(personalData('/api/v1/cases/c-4712/events'), []);
  assert.deepEqual(personalData('/api/v1/availability?from=2026-03-10'), []);
  assert.equal(personalData('/api/v1/cases?ref=MS-2026-004712').length, 1);
  assert.equal(personalData('/api/x?birth=01.07.1990').length, 1);
  assert.equal(personalData('/api/x?birth=1990-07-01').length, 1);
  assert.equal(personalData('/api/x?mail=jemand%40example.org').length, 1);
  assert.equal(personalData('log: jemand@example.org').length, 1);
  assert.equal(personalData('detail: {"name":"Erika Mustermann"}').length, 1);
  assert.equal(personalData('/api/x?name=Erika%20Mustermann').length, 1);
});

test('every demo page is listed, the 404 page last; every state names one of them', () => {
  const pages = demoPages();
  assert.equal(pages[0].path, '/');
  assert.deepEqual(pages.at(-1), { path: '/gibt-es-nicht/', status: 404 });
  for (const path of ['/termine/', '/antragsstatus/', '/warteschlange/', '/aufrufanzeige/', '/buergerbuero/']) {
    assert.ok(pages.some((p) => p.path === path), path);
  }
  for (const state of STATES) assert.ok(pages.some((p) => p.path === state.page), state.name);
  assert.equal(new Set(STATES.map((s) => s.name)).size, STATES.length);
});

test('snapshots do not depend on the port the demo runs on', () => {
  assert.equal(normalizeSnapshot('- link "x":\n  - /url: http://127.0.0.1:4321/termine/\n', 'http://127.0.0.1:4321'), '- link "x":\n  - /url: http://demo.invalid/termine/\n');
});
