import { assertNever, inlineText, type Inline } from '../deck/index.js';
import type { TextStyle, Theme } from '../theme/index.js';
import { hyperlinkTarget } from '../text/index.js';
import { sanitizeText } from './sanitize.js';
import { mergeStyle, pickStyle } from './style.js';
import type { Segment } from './types.js';

export interface InlineContext {
  theme: Theme;
  hyperlinks: boolean;
}

/** Whether a link's text is just its URL, so the URL need not be repeated after it. */
function textIsUrl(text: string, href: string): boolean {
  const bare = (url: string): string => url.trim().replace(/^mailto:/iu, '').replace(/\/$/u, '');
  return bare(text) === bare(href);
}

/**
 * Turns inline content into styled segments (hard breaks as '\n'): nested styles merge onto
 * `base`, every text is sanitised, links become `href` segments or `text (url)`.
 */
export function inlineSegments(inlines: readonly Inline[], base: TextStyle, ctx: InlineContext): Segment[] {
  const out: Segment[] = [];
  const { theme } = ctx;
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        out.push({ text: sanitizeText(node.text), style: base });
        break;
      case 'strong':
        out.push(...inlineSegments(node.children, mergeStyle(base, theme.strong), ctx));
        break;
      case 'emphasis':
        out.push(...inlineSegments(node.children, mergeStyle(base, theme.emphasis), ctx));
        break;
      case 'strike':
        out.push(...inlineSegments(node.children, mergeStyle(base, theme.strike), ctx));
        break;
      case 'code':
        out.push({ text: sanitizeText(node.text), style: mergeStyle(base, theme.inlineCode) });
        break;
      case 'link':
        out.push(...linkSegments(node.href, node.children, base, ctx));
        break;
      case 'image':
        out.push({ text: `[image: ${sanitizeText(node.alt || node.src)}]`, style: mergeStyle(base, pickStyle(theme.image)) });
        break;
      case 'break':
        out.push({ text: '\n', style: base });
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

function linkSegments(href: string, children: readonly Inline[], base: TextStyle, ctx: InlineContext): Segment[] {
  const style = mergeStyle(base, ctx.theme.link);
  const shownUrl = sanitizeText(href);
  const label: Segment[] =
    children.length > 0 && inlineText(children).trim() !== ''
      ? inlineSegments(children, style, ctx)
      : [{ text: shownUrl, style }];
  const target = ctx.hyperlinks ? hyperlinkTarget(href) : null;
  if (target !== null) return label.map((segment) => (segment.text === '\n' ? segment : { ...segment, href: target }));
  if (textIsUrl(label.map((s) => s.text).join(''), href)) return label;
  return [...label, { text: ` (${shownUrl})`, style: mergeStyle(base, { dim: true }) }];
}
