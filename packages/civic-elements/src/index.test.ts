import { expect } from '@open-wc/testing';
import * as core from '@civic-elements/core';
import * as umbrella from './index.js';
import { registry } from './registry.js';

describe('civic-elements (npm entry)', () => {
  it('registers every tag of the registry on import', () => {
    const tags = Object.keys(registry);
    expect(tags).to.include('civic-config');
    const undefinedTags = tags.filter((tag) => customElements.get(tag) === undefined);
    expect(undefinedTags).to.deep.equal([]);
  });

  it("re-exports core's public API unchanged", () => {
    expect(Object.keys(umbrella).sort()).to.deep.equal(Object.keys(core).sort());
    // Booleans, so a failure never has to serialise a class.
    expect(umbrella.CivicElement === core.CivicElement, 'same CivicElement').to.equal(true);
    expect(umbrella.define === core.define, 'same define').to.equal(true);
    expect(customElements.get('civic-config') === core.CivicConfigElement, 'core class registered').to.equal(true);
  });
});
