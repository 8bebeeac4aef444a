// @civic-elements/appointment-picker — `<civic-appointment-picker>`.
export { CivicAppointmentPicker, type PickerClock, type PickerStep } from './appointment-picker/appointment-picker.component.js';
import './appointment-picker/appointment-picker.js';
