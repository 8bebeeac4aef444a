import { expect } from '@open-wc/testing';
import type { Strings } from '@civic-elements/core';
import de from './de.js';
import en from './en.js';
import tr from './tr.js';
import ar from './ar.js';
import uk from './uk.js';
import deXLs from './de-x-ls.js';
import { spokenTemplate } from './index.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(strings: Strings, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}
const base = (list: string[]) => [...new Set(list.map((k) => k.replace(PLURAL, '')))].sort();
const placeholders = (s: Strings, key: string) => {
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], s);
  return typeof value === 'string' ? [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort() : [];
};

describe('queue family texts', () => {
  const all = { en, tr, ar, uk, 'de-x-ls': deXLs };

  for (const [lang, strings] of Object.entries(all)) {
    it(`${lang} has every German text, with the same placeholders`, () => {
      expect(base(keys(strings))).to.deep.equal(base(keys(de)));
      for (const key of keys(de)) {
        const plain = key.replace(PLURAL, '');
        const own = keys(strings).find((k) => k === key) ?? keys(strings).find((k) => k.replace(PLURAL, '') === plain && k.endsWith('_other'));
        if (!own || key.includes('_')) continue;
        expect(placeholders(strings, own), `${lang} ${key}`).to.deep.equal(placeholders(de, key));
      }
      // Every plural key has its "other" form.
      for (const key of keys(strings).filter((k) => PLURAL.test(k))) {
        expect(keys(strings), `${lang} ${key}`).to.include(key.replace(PLURAL, '_other'));
      }
    });
  }

  it('gives the spoken call text per language (Leichte Sprache separately)', async () => {
    expect(await spokenTemplate('de')).to.equal('Nummer {{ticket}}, bitte zu {{desk}}.');
    expect(await spokenTemplate('en-GB')).to.equal('Number {{ticket}}, please go to {{desk}}.');
    expect(await spokenTemplate('de-x-ls')).to.equal('Nummer {{ticket}}. Bitte zu {{desk}}.');
    expect(await spokenTemplate('xx')).to.equal(undefined);
  });
});
