import type { Strings } from '@civic-elements/core';
import first from './de-first-steps.js';
import later from './de-later-steps.js';

/**
 * All German texts of `<civic-appointment-picker>` (namespace `appointment`), the fallback and the
 * reference for every other language. The widget does not import this file: its first chunk bundles
 * de-first-steps.ts and its later steps' chunk registers de-later-steps.ts, so a page whose visitor
 * never gets past the first steps does not download the later steps' texts.
 */
const de = {
  ...first,
  ...later,
  day: { ...first.day, ...later.day },
  time: { ...first.time, ...later.time },
  hold: { ...first.hold, ...later.hold },
  confirmation: { ...first.confirmation, ...later.confirmation },
  manage: { ...first.manage, ...later.manage },
  waitlist: { ...first.waitlist, ...later.waitlist },
} satisfies Strings;

export default de;
