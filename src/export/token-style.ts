import type { TextStyle } from '../theme/index.js';

/** The theme's style for a highlight.js scope; a dotted scope falls back to its parents (title.function → title). */
export function tokenStyle(tokens: Record<string, TextStyle>, scope: string): TextStyle {
  for (let name = scope; name !== ''; name = name.slice(0, Math.max(0, name.lastIndexOf('.')))) {
    const style = tokens[name];
    if (style) return style;
  }
  return {};
}
