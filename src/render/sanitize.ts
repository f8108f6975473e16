import { escapeControls } from '../text/index.js';
import { displayWidth } from './width.js';

const TAB_SIZE = 4;

/**
 * Makes deck text safe to lay out and show: the one rule of text/sanitize.ts (every C0 control but
 * newline, DEL, ESC, C1 and bidi overrides become visible placeholders), and tabs expanded to
 * 4-column stops by display width, so that what is measured is what the terminal will draw.
 */
export function sanitizeText(text: string): string {
  const out = escapeControls(text);
  return out.includes('\t') ? expandTabs(out) : out;
}

function expandTabs(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      let result = '';
      for (const part of line.split(/(\t)/u)) {
        if (part === '\t') result += ' '.repeat(TAB_SIZE - (displayWidth(result) % TAB_SIZE));
        else result += part;
      }
      return result;
    })
    .join('\n');
}
