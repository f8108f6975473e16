import type { TextStyle, Theme } from '../theme/index.js';
import { cssColor } from './css-color.js';

/**
 * CSS declarations for a theme text style. Colours pass through `cssColor`, which only returns
 * `#rrggbb`, so no theme value can break out of the declaration.
 */
export function textStyleCss(style: TextStyle, page: { background: string; text: string }): string {
  let fg = cssColor(style.fg);
  let bg = cssColor(style.bg);
  if (style.inverse) [fg, bg] = [bg ?? page.background, fg ?? page.text];
  const decls: string[] = [];
  if (fg) decls.push(`color:${fg}`);
  if (bg) decls.push(`background-color:${bg}`);
  if (style.bold === true) decls.push('font-weight:700');
  if (style.bold === false) decls.push('font-weight:400');
  if (style.italic === true) decls.push('font-style:italic');
  if (style.italic === false) decls.push('font-style:normal');
  const lines = [style.underline ? 'underline' : '', style.strikethrough ? 'line-through' : ''].filter(Boolean);
  if (lines.length) decls.push(`text-decoration:${lines.join(' ')}`);
  if (style.dim) decls.push('opacity:.7');
  return decls.join(';');
}

/**
 * Collects the CSS a rendering needs beyond the fixed sheet: one class per distinct declaration
 * list. Inline `style` attributes would need `'unsafe-inline'` in the Content-Security-Policy;
 * classes in the one hashed `<style>` element do not.
 */
export class StyleSheet {
  private readonly classes = new Map<string, string>();

  constructor(
    readonly theme: Theme,
    readonly page: { background: string; text: string },
  ) {}

  /** The class name for `declarations` ('' when there are none). */
  classFor(declarations: string): string {
    if (declarations === '') return '';
    let name = this.classes.get(declarations);
    if (!name) {
      name = `x${this.classes.size}`;
      this.classes.set(declarations, name);
    }
    return name;
  }

  /** The class name for a theme text style. */
  classForStyle(style: TextStyle): string {
    return this.classFor(textStyleCss(style, this.page));
  }

  /** The collected rules. */
  css(): string {
    return [...this.classes].map(([decls, name]) => `.${name}{${decls}}`).join('\n');
  }
}
