import { renderToString } from 'ink';
import type { SlideScreenProps } from './screen.js';
import { SlideScreen } from './slide-screen.js';

/** The frame the presenter would show, as a string (ANSI per chalk's level): the seam for golden tests. */
export function renderFrame(props: SlideScreenProps): string {
  return renderToString(<SlideScreen {...props} />, { columns: Math.max(1, Math.floor(props.columns)) });
}
