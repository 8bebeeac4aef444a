export * from './announcer.js';
export * from './has-slot.js';
export * from './roving-tabindex.js';
export * from './grid-navigation.js';
export { addCalendarDays, addCalendarMonths } from './calendar-dates.js';
