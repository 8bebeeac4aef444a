// Test helper (not part of the published build): the page must not scroll sideways at 320 px.
import { setViewport } from '@web/test-runner-commands';

export async function withNarrowViewport(check: () => Promise<void> | void): Promise<void> {
  await setViewport({ width: 320, height: 640 });
  try {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await check();
  } finally {
    await setViewport({ width: 800, height: 600 });
  }
}

/** Widest point of the page beyond the viewport, in px (0 = no horizontal scrolling). */
export const overflowX = (): number => document.documentElement.scrollWidth - document.documentElement.clientWidth;
