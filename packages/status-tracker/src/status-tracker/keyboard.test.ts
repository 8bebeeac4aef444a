import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import { caseShown, grant, mockApi, mount, q, qa, resetMock } from '../testing/fixtures.js';

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<civic-status-tracker> keyboard and print', () => {
  before(mockApi);
  afterEach(resetMock);

  it('completes the lookup and the pickup action with the keyboard only', async () => {
    const { el } = await mount();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('reference');
    await sendKeys({ type: 'MS-2026-004712' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('factor');
    await sendKeys({ type: '01.07.1990' });
    await sendKeys({ press: 'Enter' });
    await caseShown(el);
    await waitUntil(() => active(el)?.id === 'title', 'focus on the case heading');

    let presses = 0;
    while (!active(el)?.matches('[part~=pickup]') && presses < 25) {
      await sendKeys({ press: 'Tab' });
      presses++;
    }
    expect(active(el)?.matches('button[part~=pickup]')).to.equal(true);
    const requested = oneEvent(el, 'civic-request-appointment');
    await sendKeys({ press: 'Enter' });
    expect((await requested).detail).to.deep.equal({ serviceId: 'dokument-abholung' });
    await expectAccessible(el, { state: '[part~=pickup]' });
  });

  it('prints the overview on one page without buttons or form controls', async () => {
    const m = await mockApi();
    const token = grant(m, 'c-4711');
    const { el } = await mount({ caseId: 'c-4711', token });
    await caseShown(el);
    el.style.width = '700px';
    await emulateMedia({ media: 'print' });
    try {
      const visible = (e: Element) => e.getClientRects().length > 0;
      expect(qa(el, 'button').filter(visible)).to.deep.equal([]);
      expect(qa(el, 'input').filter(visible)).to.deep.equal([]);
      // A4 at 96 dpi is 1123 px tall; 1000 px leaves room for the browser's page margins.
      const height = q(el, 'article')!.getBoundingClientRect().height;
      expect(height, `printed height ${height}px`).to.be.lessThan(1000);
      expect(visible(q(el, '[part~=actions]')!)).to.equal(true);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
