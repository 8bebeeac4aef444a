import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { axeViolationIds, expectAccessible } from '@civic-elements/core/testing';

describe('test environment', () => {
  it("waitUntil's default patience is 5 s, not open-wc's 1 s (web-test-runner.config.mjs)", async () => {
    const t0 = performance.now();
    await waitUntil(() => performance.now() - t0 > 1500, 'a predicate true after 1.5 s');
    expect(performance.now() - t0).to.be.greaterThan(1500);
  });

  it('runs in Chromium', () => {
    const brands = (navigator as Navigator & { userAgentData?: { brands: { brand: string }[] } }).userAgentData?.brands ?? [];
    expect(brands.map((b) => b.brand)).to.include('Chromium');
    expect(navigator.userAgent).to.contain('Chrome/');
  });

  it('axe reports a real violation (an image without alt text)', async () => {
    const el = await fixture(html`<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></div>`);
    expect(await axeViolationIds(el)).to.include('image-alt');
    let thrown: unknown;
    try {
      await expectAccessible(el, { state: 'img' });
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).to.contain('image-alt');
  });

  it('axe passes a clean fragment', async () => {
    const el = await fixture(html`<main><h1>Bürgeramt</h1><img alt="Wappen" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></main>`);
    await expectAccessible(el, { state: 'h1' });
  });
});
