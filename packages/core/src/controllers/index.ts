export * from './announcer.js';
export * from './has-slot.js';
