import type de from './de.js';

/** Texts of the chat panel (namespace `chat`), English. */
const en: typeof de = {
  title: 'Chat with the citizens’ office',
  close: 'Close chat',
  loading: 'Loading the chat …',
  availability: {
    heading: 'Availability',
    onlineAgents_one: 'Available now: {{count}} member of staff is online.',
    onlineAgents_other: 'Available now: {{count}} members of staff are online.',
    botOnly: 'Nobody is online right now. The town bot answers simple questions.',
    offline: 'The chat is not staffed right now.',
    nextOpening: 'Available again from {{when}}.',
    reply: 'You usually get an answer within {{duration}}.',
    hours: 'Service hours',
    closedDay: 'closed',
  },
  privacy: {
    heading: 'Privacy',
    notice:
      'Your messages are sent to the citizens’ office and stored there to handle your request. Only when you agree is a conversation created and kept in this browser tab (until you close the tab).',
    link: 'Privacy policy',
    consent: 'I have read the privacy notice and agree.',
    required: 'Please agree to the privacy notice to start the chat.',
  },
  start: 'Start chat',
  starting: 'Starting the chat …',
  log: 'Messages',
  you: 'You',
  agent: 'Citizens’ office',
  bot: 'Town bot',
  system: 'Notice',
  withAgent: 'You are writing with {{name}}.',
  withBot: 'You are writing with the town bot. A person takes over as soon as someone is free.',
  joined: '{{name}} has taken over the conversation.',
  joinedAnonymous: 'A member of staff has taken over the conversation.',
  ended: 'The conversation has ended.',
  sending: 'Sending …',
  sent: 'Sent',
  failed: 'Not sent. Trying again automatically.',
  failedFinal: 'Not sent.',
  retry: 'Send again',
  typing: '{{name}} is typing …',
  someone: 'The citizens’ office',
  suggestions: 'Suggested replies',
  earlier: 'Show earlier messages',
  message: 'Your message',
  messageHint: 'Enter sends, Shift and Enter starts a new line.',
  send: 'Send',
  reconnecting: 'Connection lost. It is being restored; your messages will not be lost.',
  link: '{{text}} (opens in a new tab)',
  errors: {
    closed: 'The chat is not staffed right now.',
    conversation_ended: 'The conversation has already ended.',
  },
};

export default en;
