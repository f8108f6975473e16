import type { Deck } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { layoutSlide } from './layout-slide.js';
import type { LayoutOptions, LayoutSize } from './types.js';

export interface SlideOverflow {
  /** 1-based slide number. */
  slide: number;
  hiddenLines: number;
}

/**
 * Every slide whose fully revealed content does not fit a terminal of `size` (the whole terminal:
 * the footer row is taken off for slides that show it), as the presenter would lay it out.
 */
export function findOverflows(deck: Deck, theme: Theme, size: LayoutSize, options: Omit<LayoutOptions, 'hyperlinks'> = {}): SlideOverflow[] {
  const found: SlideOverflow[] = [];
  deck.slides.forEach((slide, i) => {
    const rows = size.rows - (slide.layout.footer ? 1 : 0);
    const layout = layoutSlide(slide, Math.max(0, slide.steps - 1), theme, { columns: size.columns, rows }, { hyperlinks: false, ...options });
    if (layout.overflow) found.push({ slide: i + 1, hiddenLines: layout.hiddenLines });
  });
  return found;
}
