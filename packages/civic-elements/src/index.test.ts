import { expect } from '@open-wc/testing';
import * as core from '@civic-elements/core';
import * as umbrella from './index.js';
import { registry } from './registry.js';

describe('civic-elements (npm entry)', () => {
  it('registers every tag of the registry on import', () => {
    const tags = Object.keys(registry);
    expect(tags).to.include('civic-config');
    for (const tag of tags) expect(customElements.get(tag), `<${tag}>`).to.be.a('function');
  });

  it("re-exports core's public API unchanged", () => {
    expect(Object.keys(umbrella).sort()).to.deep.equal(Object.keys(core).sort());
    expect(umbrella.CivicElement).to.equal(core.CivicElement);
    expect(umbrella.define).to.equal(core.define);
    expect(customElements.get('civic-config')).to.equal(core.CivicConfigElement);
  });
});
