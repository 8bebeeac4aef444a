import { define } from '@civic-elements/core';
import { CivicVirtualOffice } from './virtual-office.component.js';

export { CivicVirtualOffice };

define('civic-virtual-office', CivicVirtualOffice);

declare global {
  interface HTMLElementTagNameMap {
    'civic-virtual-office': CivicVirtualOffice;
  }
}
