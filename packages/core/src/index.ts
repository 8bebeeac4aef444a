// @civic-elements/core — everything a widget needs; widgets import only from here.
export { CivicElement, type CivicEventMap } from './base/civic-element.js';
export { define } from './base/define.js';
export { configContext, type CivicConfig, type Theme } from './config/config-context.js';
export { CivicConfigElement } from './components/civic-config/civic-config.component.js';
export { baseStyles, tokenStyles, ensureTokens } from './styles/tokens.js';
export * from './api/index.js';
export * from './localize/index.js';
export * from './realtime/index.js';
export * from './controllers/index.js';
export { LazyViewController, type LazyViewOptions } from './controllers/lazy-view.js';
export * from './antibot/index.js';
