import { define } from '@civic-elements/core';
import { CivicAppointmentPicker } from './appointment-picker.component.js';

export { CivicAppointmentPicker };
define('civic-appointment-picker', CivicAppointmentPicker);

declare global {
  interface HTMLElementTagNameMap {
    'civic-appointment-picker': CivicAppointmentPicker;
  }
}
