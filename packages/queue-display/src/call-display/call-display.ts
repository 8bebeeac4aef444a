import { define } from '@civic-elements/core';
import { CivicCallDisplay } from './call-display.component.js';

export { CivicCallDisplay };

define('civic-call-display', CivicCallDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'civic-call-display': CivicCallDisplay;
  }
}
