// @civic-elements/status-tracker — look up an application and follow it to pickup.
export { CivicStatusTracker, type StatusTrackerTiming } from './status-tracker/status-tracker.component.js';
export { readMagicLink, parseBirthdate, STORAGE_KEY } from './status-tracker/case-data.js';
import './status-tracker/status-tracker.js';
