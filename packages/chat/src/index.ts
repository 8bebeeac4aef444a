// @civic-elements/chat — <civic-chat>: the launcher (tiny) and, loaded on first open, the panel.
export { CivicChat } from './civic-chat/civic-chat.component.js';
export { splitLinks, type TextPart } from './panel/linkify.js';
import './civic-chat/civic-chat.js';
import { registerFileStrings } from './locales/files/register.js';

// The attachments' texts (their lazy chunk registers them too): every namespace of the package is
// registered once the package is imported.
registerFileStrings();
