/**
 * Every tag of the library and how to load it. The lazy loader (`civic-elements/loader.js`, the CDN
 * entry `civic-elements.js`) imports a tag's module the first time that tag appears in the page;
 * in the CDN build each `import()` below becomes its own chunk.
 *
 * Adding a widget package: add one line per tag it registers, e.g.
 *   'civic-appointment-picker': () => import('@civic-elements/appointment-picker/civic-appointment-picker.js'),
 * and the matching `import '…';` in ./index.ts. `node scripts/build-packages.mjs` (run by the build)
 * fails with the exact lines when a registering module is missing here or in index.ts.
 *
 * `<civic-config>` is listed too, although the loader also registers it eagerly.
 */
export const registry = {
  'civic-appointment-picker': () => import('@civic-elements/appointment-picker/civic-appointment-picker.js'),
  'civic-chat': () => import('@civic-elements/chat/civic-chat.js'),
  'civic-config': () => import('@civic-elements/core/civic-config.js'),
  'civic-call-display': () => import('@civic-elements/queue-display/civic-call-display.js'),
  'civic-queue-display': () => import('@civic-elements/queue-display/civic-queue-display.js'),
  'civic-virtual-office': () => import('@civic-elements/queue-display/civic-virtual-office.js'),
  'civic-status-tracker': () => import('@civic-elements/status-tracker/civic-status-tracker.js'),
} as const satisfies Readonly<Record<string, () => Promise<unknown>>>;

export type RegisteredTag = keyof typeof registry;
