import { expect } from '@open-wc/testing';
import { CivicConfigElement } from '@civic-elements/core';
import './loader.js';
import { startLoader } from './lazy-loader.js';
import { registry } from './registry.js';

describe('civic-elements/loader.js', () => {
  it('registers <civic-config> at once', () => {
    expect(customElements.get('civic-config')).to.equal(CivicConfigElement);
  });

  it('has started the page loader, so another copy only warns', () => {
    const original = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      expect(startLoader(registry)).to.equal(undefined);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal(['[civic-elements] The loader was loaded twice; the first copy stays in charge.']);
  });
});
