/** The renderer's pure side: layout by display width, plain text, ANSI painting. Ink lives in ./ink.ts. */
export type { Segment, StyledLine, LayoutSize, LayoutOptions, SlideLayout, ImageMark, ImageLayout, ExecLayout, SnippetView, HalfBlockCell } from './types.js';
export { imageBox, outputLines } from './layout-blocks.js';
export { sanitizeText } from './sanitize.js';
export { hyperlinkTarget } from '../text/index.js';
export { displayWidth } from './width.js';
export { wrapSegments, hardWrap } from './wrap.js';
export { lineWidth, truncateLine, padLine } from './line.js';
export { layoutSlide, overflowMarker } from './layout-slide.js';
export { layoutFooter, formatElapsed, type FooterInput } from './footer.js';
export { MIN_COLUMNS, MIN_ROWS, isTooSmall, layoutTooSmall } from './too-small.js';
export { highlightMatches } from './highlight-matches.js';
export { layoutScreen, type SlideScreenProps, type Banner } from './screen.js';
export { paintLines, osc8 } from './paint.js';
export { createScreenWriter, type ScreenWriter, type ScreenWriterOptions } from './screen-writer.js';
export { findOverflows, type SlideOverflow } from './find-overflows.js';
export { printDeck, type PrintOptions } from './print.js';
