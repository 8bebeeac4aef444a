import { define } from '../../base/define.js';
import { CivicConfigElement } from './civic-config.component.js';

export { CivicConfigElement };
define('civic-config', CivicConfigElement);

declare global {
  interface HTMLElementTagNameMap {
    'civic-config': CivicConfigElement;
  }
}
