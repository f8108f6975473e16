/** The renderer's Ink side: components that paint laid-out lines, and renderFrame for tests. */
export { Lines, type LinesProps } from './lines.js';
export { SlideScreen } from './slide-screen.js';
export { renderFrame } from './render-frame.js';
