import type { RealtimeClock } from '@civic-elements/core';

/**
 * Flashes `document.title` (a waiting citizen's tab in the background shows it) a few times, then
 * puts the page's own title back. One flash at a time per flasher; `stop()` restores at once.
 */
export class TitleFlasher {
  private original: string | undefined;
  private timer: unknown;

  constructor(private readonly clock: RealtimeClock) {}

  flash(text: string, toggles = 6, intervalMs = 1000): void {
    this.stop();
    this.original = document.title;
    let left = toggles;
    const step = (): void => {
      if (left <= 0 || this.original === undefined) {
        this.stop();
        return;
      }
      document.title = left % 2 === 0 ? text : this.original;
      left--;
      this.timer = this.clock.setTimeout(step, intervalMs);
    };
    step();
  }

  stop(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.original !== undefined) document.title = this.original;
    this.original = undefined;
  }
}

/** The Notification API, used only after the citizen allowed it (the widget asks on a click). */
export const browserNotifications = {
  supported(): boolean {
    return typeof Notification !== 'undefined';
  },
  permission(): NotificationPermission | 'unsupported' {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  },
  async request(): Promise<NotificationPermission | 'unsupported'> {
    if (typeof Notification === 'undefined') return 'unsupported';
    return Notification.requestPermission();
  },
  show(title: string, body: string): void {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    try {
      new Notification(title, { body, tag: 'civic-ticket' });
    } catch {
      // Some browsers allow notifications only from a service worker: the title flash remains.
    }
  },
};
