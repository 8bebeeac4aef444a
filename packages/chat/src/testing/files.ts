import type { CivicChat } from '../civic-chat/civic-chat.component.js';
import { $ } from './fixture.js';

/** The first bytes of every PNG file. */
export const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A small PNG file as the citizen would choose it. */
export const png = (name = 'Ausweis.png', size = 16): File => {
  const bytes = new Uint8Array(size);
  bytes.set(PNG);
  return new File([bytes], name, { type: 'image/png' });
};

/** Chooses files in the (hidden) picker, as the browser's file dialog would. */
export function choose(el: CivicChat, ...files: File[]): void {
  const input = $<HTMLInputElement>(el, '#civic-chat-file')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
