/**
 * The one thing these widgets keep on the device: a ticket the citizen took (its id, number and
 * bearer token), so a reload keeps the place. Written only after the citizen took a ticket;
 * removed by "forget", by cancelling and when the ticket is over. Never a cookie.
 */
export interface StoredTicket {
  id: string;
  number: string;
  token: string;
}

const PREFIX = 'civic-elements:ticket:';

function store(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage blocked (sandboxed frame, privacy settings): the ticket lives as long as the page.
    return undefined;
  }
}

export function readTicket(key: string): StoredTicket | undefined {
  try {
    const raw = store()?.getItem(PREFIX + key);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<StoredTicket>;
    if (typeof value.id === 'string' && typeof value.number === 'string' && typeof value.token === 'string') {
      return { id: value.id, number: value.number, token: value.token };
    }
  } catch {
    // Unreadable: treat as absent.
  }
  return undefined;
}

export function writeTicket(key: string, value: StoredTicket): void {
  try {
    store()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota or blocked storage: the ticket still works until the page closes.
  }
}

export function removeTicket(key: string): void {
  try {
    store()?.removeItem(PREFIX + key);
  } catch {
    // Nothing to remove.
  }
}

/** The storage key's full name, for tests and documentation. */
export const storageName = (key: string): string => PREFIX + key;
