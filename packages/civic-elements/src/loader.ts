// civic-elements/loader.js — also the CDN entry `civic-elements.js`.
// Registers <civic-config> at once and every other tag the first time it appears in the page.
import '@civic-elements/core/civic-config.js';
import { registry } from './registry.js';
import { pageReady, startLoader } from './lazy-loader.js';

startLoader(registry, { ready: pageReady });
