import { expect } from '@open-wc/testing';
import { CivicConfigElement } from '@civic-elements/core';
import './loader.js';
import { startLoader } from './lazy-loader.js';
import { registry } from './registry.js';

describe('civic-elements/loader.js', () => {
  it('registers <civic-config> at once', () => {
    expect(customElements.get('civic-config') === CivicConfigElement, 'core class registered').to.equal(true);
  });

  it('has started the page loader, so another copy only warns', () => {
    const original = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      expect(startLoader(registry) === undefined, 'second start returns nothing').to.equal(true);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal(['[civic-elements] The loader was loaded twice; the first copy stays in charge.']);
  });
});
