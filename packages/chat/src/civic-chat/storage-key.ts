import type { CivicConfig } from '@civic-elements/core';

/** The sessionStorage key of a conversation with one back end (written only after consent). */
export function chatStorageKey(host: { readonly config: CivicConfig }): string {
  let base = host.config.apiBase ?? '';
  try {
    base = new URL(base, document.baseURI).href;
  } catch {
    // Kept as written.
  }
  return `civic-chat:${base}`;
}

/** Whether this tab has a conversation with that back end (read only; nothing is written). */
export function hasStoredConversation(host: { readonly config: CivicConfig }): boolean {
  try {
    return globalThis.sessionStorage?.getItem(chatStorageKey(host)) != null;
  } catch {
    return false;
  }
}
