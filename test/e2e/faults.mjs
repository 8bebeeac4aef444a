// Gate 5: the server stops in the middle of a journey and comes back on the same data directory and
// port. The citizen gets a clear, localised message with a way to retry; the retry works after the
// restart; nothing they typed is lost; nothing is sent twice.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERSON, judge, openJourney, outbox, staff, startServer, until } from './harness.mjs';

/** The browser's console line for a request the stopped server could not answer. */
const CONNECTION_ERRORS = [/Failed to load resource/, /ERR_CONNECTION_REFUSED/, /ERR_EMPTY_RESPONSE/, /ERR_CONNECTION_RESET/];

/** Runs `journey(ctx)` with a server on its own data directory that `ctx.stop()`/`ctx.restart()` can cycle. */
async function withRestartableServer(browser, journey) {
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-e2e-faults-'));
  let demo = await startServer({ dataDir });
  const port = demo.port;
  const ctx = {
    get demo() {
      return demo;
    },
    stop: async () => {
      await demo.close();
      demo = undefined;
    },
    restart: async () => {
      demo = await startServer({ dataDir, port });
      await staff(demo, 'PATCH', '/chat/desk', { online: true });
    },
  };
  await staff(demo, 'PATCH', '/chat/desk', { online: true });
  const session = await openJourney(browser, demo);
  const origin = demo.origin;
  try {
    const rules = await journey({ ...session, server: ctx });
    const verdict = await judge(session, { origin, secondOrigin: demo.secondOrigin }, { ...rules, expectedConsoleErrors: CONNECTION_ERRORS });
    if (verdict.problems.length) throw new Error(verdict.problems.join('\n'));
    return rules.note;
  } finally {
    await session.context.close();
    await demo?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Booking: contact data typed, the server goes down, "book" → message + retry; server back → retry books; fields kept. */
export function bookingWhileDown(browser) {
  return withRestartableServer(browser, async ({ page, server }) => {
    const { stop, restart } = server;
    const email = `fault.${PERSON.email}`;
    await page.goto(`${server.demo.url}termine/`);
    const picker = page.locator('civic-appointment-picker');
    const heading = picker.locator('h2#heading');
    await picker.locator('#s-personalausweis').check();
    await picker.getByRole('button', { name: 'Weiter' }).click();
    await picker.locator('#l-buergerbuero-mitte').check();
    await picker.getByRole('button', { name: 'Weiter' }).click();
    await picker.locator('td.free').first().click();
    await picker.locator('[part~="slot"]').first().click();
    await heading.filter({ hasText: 'Termin reserviert' }).waitFor();
    await picker.locator('#f-name').fill(PERSON.name);
    await picker.locator('#f-email').fill(email);
    await picker.locator('#f-consent').check();

    await stop();
    await picker.getByRole('button', { name: 'Termin verbindlich buchen' }).click();
    const alert = picker.getByRole('alert').filter({ hasText: 'Keine Verbindung zum Server' });
    await alert.waitFor();
    const message = (await alert.innerText()).replace(/\s+/g, ' ').trim();
    const retry = picker.getByRole('button', { name: 'Erneut versuchen' });
    await retry.waitFor();
    // Nothing typed is lost.
    assert.equal(await picker.locator('#f-name').inputValue(), PERSON.name);
    assert.equal(await picker.locator('#f-email').inputValue(), email);
    assert.equal(await picker.locator('#f-consent').isChecked(), true);

    await restart();
    await retry.click();
    await heading.filter({ hasText: 'Ihr Termin ist gebucht' }).waitFor();
    const reference = /Ihre Buchungsnummer: (\S+)/.exec(await picker.locator('.reference-line').innerText())[1];
    const mails = await until(async () => {
      const all = (await outbox(server.demo)).filter((m) => m.to.includes(email));
      return all.length ? all : undefined;
    }, 'the confirmation e-mail');
    assert.deepEqual(mails.map((m) => m.subject), [`Terminbestätigung ${reference}`], 'one booking, one confirmation');
    return { personal: [PERSON.name, email], allowStorage: {}, note: `message "${message}", booked ${reference} after the restart` };
  });
}

/** Chat: a message sent while the server is down is delivered after the restart, once. */
export function chatWhileDown(browser) {
  return withRestartableServer(browser, async ({ page, context, server }) => {
    const { stop, restart } = server;
    const first = `${PERSON.chat} (vor dem Ausfall)`;
    const second = 'Diese Nachricht schreibe ich während des Ausfalls.';
    await page.goto(`${server.demo.url}warteschlange/`);
    const widget = page.locator('civic-chat');
    await widget.getByRole('button', { name: 'Chat mit dem Bürgeramt' }).click();
    await widget.getByRole('checkbox', { name: /Datenschutzhinweise gelesen/ }).check();
    await widget.getByRole('button', { name: 'Chat starten' }).click();
    const box = widget.getByRole('textbox', { name: 'Ihre Nachricht' });
    await box.fill(first);
    await widget.getByRole('button', { name: 'Senden' }).click();
    const conversationId = await until(async () => {
      const { items } = await staff(server.demo, 'GET', '/chat/conversations');
      for (const c of items) {
        const m = await staff(server.demo, 'GET', `/chat/conversations/${c.id}/messages`);
        if (m.items.some((x) => x.text === first)) return c.id;
      }
      return undefined;
    }, 'the first message at the desk');

    await stop();
    await box.fill(second);
    await widget.getByRole('button', { name: 'Senden' }).click();
    // The citizen is told: the message is not sent yet and will be retried, or the connection is down.
    await widget.getByText(/Nicht gesendet|Verbindung unterbrochen/).first().waitFor();

    await restart();
    // The chat's backoff runs on the page's timers: move them on instead of waiting.
    const delivered = await until(async () => {
      await context.clock.fastForward(5000).catch(() => undefined);
      const m = await staff(server.demo, 'GET', `/chat/conversations/${conversationId}/messages`);
      return m.items.some((x) => x.text === second) ? m.items : undefined;
    }, 'the message written while the server was down, after the restart');
    await widget.getByText(second).first().waitFor();
    await until(async () => (await widget.getByText('Nicht gesendet').count()) === 0, 'the "not sent" mark to go');
    // Exactly once, even if the first attempt reached the server before it went down.
    assert.equal(delivered.filter((x) => x.text === second).length, 1, 'no duplicate');
    assert.equal(delivered.filter((x) => x.text === first).length, 1);
    return { personal: [first], allowStorage: { localStorage: ['civic'], sessionStorage: ['civic'] }, note: 'delivered once after the restart' };
  });
}
