// civic-elements — the npm entry: core's public API, and every tag registered on import.
// For lazy registration (a tag's code loads when the tag first appears) use `civic-elements/loader.js`.
export * from '@civic-elements/core';

import '@civic-elements/appointment-picker/civic-appointment-picker.js';
import '@civic-elements/chat/civic-chat.js';
import '@civic-elements/core/civic-config.js';
import '@civic-elements/queue-display/civic-call-display.js';
import '@civic-elements/queue-display/civic-queue-display.js';
import '@civic-elements/queue-display/civic-virtual-office.js';
import '@civic-elements/status-tracker/civic-status-tracker.js';
