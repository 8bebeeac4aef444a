// Test helpers shared by every package's browser tests. Not part of the published build.
export { expectAccessible, axeViolationIds, WCAG_TAGS, type AccessibleOptions } from './axe.js';
