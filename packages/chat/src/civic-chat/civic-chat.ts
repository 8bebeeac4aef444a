import { define } from '@civic-elements/core';
import { CivicChat } from './civic-chat.component.js';

export { CivicChat };

define('civic-chat', CivicChat);

declare global {
  interface HTMLElementTagNameMap {
    'civic-chat': CivicChat;
  }
}
