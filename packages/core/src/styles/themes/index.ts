// Opt-in theme presets. Each is a CSSResult (adopt it, or use the CSS file the build makes of it).
export { kernTheme, KERN_COLOR_MAP, KERN_SCALE_MAP } from './kern.js';
export { musterstadtTheme } from './musterstadt.js';
