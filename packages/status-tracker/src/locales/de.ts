import type { Strings } from '@civic-elements/core';
import lookup from './de-lookup.js';
import caseView from './de-case-view.js';

/**
 * All German texts of `<civic-status-tracker>` (namespace `status-tracker`), the fallback and the
 * reference for every other language (each has the same keys). The widget does not import this
 * file: its first chunk bundles de-lookup.ts and the case overview's chunk registers
 * de-case-view.ts, so a page whose visitor never looks up a case does not download those texts.
 */
const de = { ...lookup, ...caseView } satisfies Strings;

export default de;
