import { expect, waitUntil } from '@open-wc/testing';
import { expectAccessible } from '@civic-elements/core/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import { $, chat, cleanup, mockChat, shows, start } from '../testing/fixture.js';
import { accessibleName } from '../testing/name.js';
import launcherTr from '../locales/launcher-tr.js';
import launcherUk from '../locales/launcher-uk.js';
import launcherDeXLs from '../locales/launcher-de-x-ls.js';
import tr from '../locales/tr.js';
import uk from '../locales/uk.js';
import deXLs from '../locales/de-x-ls.js';
import filesTr from '../locales/files/tr.js';
import filesAr from '../locales/files/ar.js';
import filesUk from '../locales/files/uk.js';
import filesDeXLs from '../locales/files/de-x-ls.js';
import ar from '../locales/ar.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const LANGUAGES = [
  { lang: 'tr', launcher: launcherTr.label + launcherTr.labelMore, panel: tr, files: filesTr, dir: 'ltr' },
  { lang: 'uk', launcher: launcherUk.label + launcherUk.labelMore, panel: uk, files: filesUk, dir: 'ltr' },
  { lang: 'de-x-ls', launcher: launcherDeXLs.label + launcherDeXLs.labelMore, panel: deXLs, files: filesDeXLs, dir: 'ltr' },
  { lang: 'ar', launcher: 'الدردشة مع مكتب خدمة المواطنين', panel: ar, files: filesAr, dir: 'rtl' },
];

/** The launcher's accessible name with one and with three unread messages, written out. */
const UNREAD_NAMES: Record<string, [string, string]> = {
  tr: ['Sohbet vatandaşlık bürosu ile, 1 yeni mesaj', 'Sohbet vatandaşlık bürosu ile, 3 yeni mesaj'],
  uk: ['Чат з бюро у справах громадян, 1 нове повідомлення', 'Чат з бюро у справах громадян, 3 нові повідомлення'],
  'de-x-ls': ['Chat mit dem Bürger-Amt, 1 neue Nachricht', 'Chat mit dem Bürger-Amt, 3 neue Nachrichten'],
  ar: ['الدردشة مع مكتب خدمة المواطنين، رسالة جديدة واحدة', 'الدردشة مع مكتب خدمة المواطنين، 3 رسائل جديدة'],
};

describe('<civic-chat> in Turkish, Ukrainian, Leichte Sprache and Arabic (lazily loaded texts)', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  for (const { lang, launcher, panel, files, dir } of LANGUAGES) {
    it(`${lang}: launcher, panel and attachment texts`, async () => {
      const { el } = await chat({ lang, mode: 'launcher' });
      await waitUntil(() => text($(el, 'button.launcher')) === launcher.replace(/\s+/g, ' ').trim(), `${lang} launcher`);
      const button = $(el, 'button.launcher')!;
      expect(accessibleName(button)).to.equal(launcher);
      el.unread = 1;
      await el.updateComplete;
      expect(accessibleName(button), `${lang} one unread`).to.equal(UNREAD_NAMES[lang]![0]);
      el.unread = 3;
      await el.updateComplete;
      expect(accessibleName(button), `${lang} three unread`).to.equal(UNREAD_NAMES[lang]![1]);
      el.unread = 0;
      await el.open();
      await waitUntil(() => text($(el, '#civic-chat-title')) === panel.title, `${lang} panel`);
      expect([$(el, 'section.panel')!.getAttribute('lang'), $(el, 'section.panel')!.getAttribute('dir')]).to.deep.equal([lang, dir]);
      await start(el);
      const attach = await shows(el, 'button.attach');
      await waitUntil(() => text(attach) === files.attach, `${lang} attachment texts`);
      expect(text($(el, 'button.forget'))).to.equal(panel.forget);
      await expectAccessible(el, { state: 'button.attach' });
    });
  }
});
