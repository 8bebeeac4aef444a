import { expect, fixture, html } from '@open-wc/testing';
import { axeViolationIds, expectAccessible } from '@civic-elements/core/testing';

describe('test environment', () => {
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
