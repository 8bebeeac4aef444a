import { define } from '@civic-elements/core';
import { CivicQueueDisplay } from './queue-display.component.js';

export { CivicQueueDisplay };

define('civic-queue-display', CivicQueueDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'civic-queue-display': CivicQueueDisplay;
  }
}
