// Colour helpers for the theming tests: resolve a token to sRGB in the browser, WCAG contrast.

export type Rgba = [number, number, number, number];

let ctx: CanvasRenderingContext2D | undefined;

/** Any CSS colour string (rgb, oklch, color-mix, system colour…) → sRGB bytes, via a 1×1 canvas. */
export function toRgba(color: string): Rgba {
  if (!ctx) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  }
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** The colour a `--civic-*` token has inside `scope` (its computed value, as the widgets see it). */
export function tokenColor(scope: Element, token: string): Rgba {
  const probe = document.createElement('span');
  probe.style.setProperty('color', `var(${token})`);
  scope.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return toRgba(value);
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x relative luminance. */
export function luminance([r, g, b]: Rgba): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2.x contrast ratio (1–21) of two opaque colours. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
