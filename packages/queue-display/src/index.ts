// @civic-elements/queue-display — the queue family. Importing this module registers its tags.
export { CivicQueueDisplay } from './queue-display/queue-display.component.js';
export { CivicCallDisplay, type Speech } from './call-display/call-display.component.js';
export { CivicVirtualOffice } from './virtual-office/virtual-office.component.js';
import './queue-display/queue-display.js';
import './call-display/call-display.js';
import './virtual-office/virtual-office.js';
