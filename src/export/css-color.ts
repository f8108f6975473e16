import { colorHex, luminance, type Color } from '../theme/index.js';

/**
 * A theme colour as a CSS colour (#rrggbb), or null for 'default' and for anything that is not a
 * theme colour; named and 256-palette colours as xterm shows them. Only values built from fixed
 * patterns come out, so the result is safe to put in CSS.
 */
export const cssColor = (color: Color | undefined): string | null => colorHex(color);

export { luminance };

/** The page's background and text colours: the theme's, or a readable pair when it leaves them to the terminal. */
export function pageColors(background: Color, text: Color | undefined): { background: string; text: string } {
  const bg = cssColor(background);
  const fg = cssColor(text);
  if (bg && fg) return { background: bg, text: fg };
  if (bg) return { background: bg, text: luminance(bg) > 0.4 ? '#1f2430' : '#e6e6e6' };
  if (fg) return { background: luminance(fg) > 0.4 ? '#1e1e2e' : '#ffffff', text: fg };
  return { background: '#ffffff', text: '#1f2430' };
}
