import escapeHtml from 'escape-html';
import { assertNever, type Block, type Inline, type ListItem, type SourceRef } from '../deck/index.js';
import { tokenStyle } from './token-style.js';
import type { CodeToken } from './code-tokens.js';
import { safeImageSrc, safeLinkHref } from './safe-url.js';
import type { StyleSheet } from './style-sheet.js';

/**
 * What turning blocks into HTML needs. Every piece of deck text goes through `escapeHtml`, every
 * attribute is double-quoted and escaped, every URL passes the scheme allow-list: the output holds
 * no markup that the deck wrote.
 */
export interface HtmlContext {
  sheet: StyleSheet;
  /** Local image paths (as written in the deck) → data: URIs, for a self-contained file. */
  images: ReadonlyMap<string, string>;
  codeTokens: (lang: string, text: string) => CodeToken[][];
  /**
   * The step shown when the output is static (a PDF page per reveal step): blocks of later steps
   * get the class `future`. null when the page's script reveals steps.
   */
  staticStep: number | null;
}

/** A heading level as the model promises it (1–6), whatever a hand-built deck holds: it becomes a tag name. */
export function headingLevel(level: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const n = Math.floor(Number(level));
  return (n >= 1 && n <= 6 ? n : n > 6 ? 6 : 1) as 1 | 2 | 3 | 4 | 5 | 6;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export const esc = (text: string): string => escapeHtml(text);

function classAttr(...names: (string | false | null | undefined)[]): string {
  const list = names.filter(Boolean).join(' ');
  return list ? ` class="${esc(list)}"` : '';
}

/** `data-step` for a revealed-later element, and the `future` class when statically hidden. */
function stepAttrs(step: number, ctx: HtmlContext, ...classes: (string | false | null | undefined)[]): string {
  const future = ctx.staticStep !== null && step > ctx.staticStep;
  return `${classAttr(...classes, future && 'future')}${step > 0 ? ` data-step="${step}"` : ''}`;
}

/** Inline raster images a deck may carry as they are (no SVG: it is a document, not a picture). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/u;

function imageTag(src: string, alt: string, ctx: HtmlContext): string {
  const url = ctx.images.get(src) ?? (/^https?:/iu.test(src) ? safeImageSrc(src) : DATA_IMAGE.test(src) ? src : null);
  if (url === null) {
    // Local files that could not be embedded, and unsafe schemes, show as their description.
    return `<span class="img-missing">${esc(`[image: ${alt || src}]`)}</span>`;
  }
  return `<img src="${esc(url)}" alt="${esc(alt)}" loading="eager" decoding="sync">`;
}

/** Inline content as HTML. */
export function inlineHtml(inlines: readonly Inline[], ctx: HtmlContext): string {
  let out = '';
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        out += esc(node.text);
        break;
      case 'strong':
        out += `<strong>${inlineHtml(node.children, ctx)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${inlineHtml(node.children, ctx)}</em>`;
        break;
      case 'strike':
        out += `<s>${inlineHtml(node.children, ctx)}</s>`;
        break;
      case 'code':
        out += `<code>${esc(node.text)}</code>`;
        break;
      case 'link': {
        const href = safeLinkHref(node.href);
        const inner = inlineHtml(node.children, ctx);
        out +=
          href === null
            ? `<span class="link-blocked" title="${esc(`link removed: ${node.href}`)}">${inner}</span>`
            : `<a href="${esc(href)}" rel="noopener noreferrer" target="_blank">${inner}</a>`;
        break;
      }
      case 'image':
        out += imageTag(node.src, node.alt, ctx);
        break;
      case 'break':
        out += '<br>';
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

function listHtml(block: Extract<Block, { kind: 'list' }>, depth: number, ctx: HtmlContext): string {
  const { theme } = ctx.sheet;
  const bullets = theme.list.bullets.length ? theme.list.bullets : ['•'];
  const tag = block.ordered ? 'ol' : 'ul';
  const items = block.items.map((item: ListItem, i) => {
    const marker =
      item.task !== null
        ? item.task
          ? theme.list.taskDone
          : theme.list.taskOpen
        : block.ordered
          ? `${block.start + i}.`
          : bullets[depth % bullets.length]!;
    const body = blocksHtml(item.blocks, ctx, depth + 1);
    return `<li${stepAttrs(item.step, ctx, item.task === true && 'done')}><span class="mk" aria-hidden="true">${esc(marker)}</span><div class="li">${body}</div></li>`;
  });
  return `<${tag}${stepAttrs(block.step, ctx, 'b', `al-${block.align}`)}>${items.join('')}</${tag}>`;
}

function codeHtml(block: Extract<Block, { kind: 'code' }>, ctx: HtmlContext): string {
  const { sheet } = ctx;
  const tokens = sheet.theme.code.tokens;
  const lines = ctx.codeTokens(block.lang, block.text.replace(/\n$/u, ''));
  const width = String(lines.length).length;
  const highlighted = (n: number) => block.highlight.some((r) => n >= r.from && n <= r.to);
  const body = lines
    .map((line, i) => {
      const number = block.lineNumbers ? `<span class="ln" aria-hidden="true">${String(i + 1).padStart(width, ' ')}</span>` : '';
      const text = line
        .map((token) => {
          const cls = token.scope ? sheet.classForStyle(tokenStyle(tokens, token.scope)) : '';
          return cls ? `<span class="${cls}">${esc(token.text)}</span>` : esc(token.text);
        })
        .join('');
      return `<span${classAttr('cl', highlighted(i + 1) && 'hl')}>${number}${text}</span>`;
    })
    .join('\n');
  const label = block.lang ? ` data-lang="${esc(block.lang)}"` : '';
  return `<pre${stepAttrs(block.step, ctx, 'b', 'code')}${label}><code>${body}</code></pre>`;
}

function tableHtml(block: Extract<Block, { kind: 'table' }>, ctx: HtmlContext): string {
  const cell = (tag: 'th' | 'td', content: Inline[], i: number) => {
    const align = block.cellAlign[i];
    return `<${tag}${classAttr(align && `ta-${align}`)}>${inlineHtml(content, ctx)}</${tag}>`;
  };
  const head = `<thead><tr>${block.header.map((c, i) => cell('th', c, i)).join('')}</tr></thead>`;
  const rows = block.rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('');
  return `<table${stepAttrs(block.step, ctx, 'b')}>${head}<tbody>${rows}</tbody></table>`;
}

/** One block as HTML. */
export function blockHtml(block: Block, ctx: HtmlContext, depth = 0): string {
  const { sheet } = ctx;
  const align = `al-${block.align}`;
  switch (block.kind) {
    case 'heading': {
      const level = headingLevel(block.level);
      return `<h${level}${stepAttrs(block.step, ctx, 'b', align)}>${inlineHtml(block.children, ctx)}</h${level}>`;
    }
    case 'paragraph':
      return `<p${stepAttrs(block.step, ctx, 'b', align)}>${inlineHtml(block.children, ctx)}</p>`;
    case 'list':
      return listHtml(block, depth, ctx);
    case 'quote':
      return `<blockquote${stepAttrs(block.step, ctx, 'b', align)}>${blocksHtml(block.blocks, ctx, depth)}</blockquote>`;
    case 'alert': {
      const style = sheet.theme.alerts[block.alert];
      const title = `<p class="alert-title">${esc(`${style.icon} ${style.label}`.trim())}</p>`;
      return `<div${stepAttrs(block.step, ctx, 'b', 'alert', `alert-${block.alert}`, align)}>${title}${blocksHtml(block.blocks, ctx, depth)}</div>`;
    }
    case 'table':
      return tableHtml(block, ctx);
    case 'code':
      return codeHtml(block, ctx);
    case 'rule':
      return `<hr${stepAttrs(block.step, ctx, 'b')}>`;
    case 'image':
      return `<figure${stepAttrs(block.step, ctx, 'b', align)}>${imageTag(block.src, block.alt, ctx)}</figure>`;
    case 'html':
      // Raw HTML in a deck is shown as text, never as markup.
      return block.text.trim() ? `<p${stepAttrs(block.step, ctx, 'b', 'raw', align)}>${esc(block.text)}</p>` : '';
    case 'columns': {
      const widths = block.columns.map((_, i) => Math.max(0.1, Number(block.widths[i]) || 1));
      const grid = sheet.classFor(`grid-template-columns:${widths.map((w) => `${Number(w.toFixed(3))}fr`).join(' ')}`);
      const columns = block.columns.map((column) => `<div class="col">${blocksHtml(column, ctx, depth)}</div>`).join('');
      return `<div${stepAttrs(block.step, ctx, 'b', 'cols', grid)}>${columns}</div>`;
    }
    case 'spacer': {
      const lines = Math.max(0, Math.min(40, Math.floor(block.lines)));
      return `<div${stepAttrs(block.step, ctx, 'spacer', sheet.classFor(`height:${lines * 1.3}em`))}></div>`;
    }
    case 'middle':
      // Handled by blocksHtml, which splits the content at this marker.
      return '';
    default:
      return assertNever(block);
  }
}

/**
 * Blocks as HTML. A `middle` marker splits them: what follows starts at the vertical middle.
 */
export function blocksHtml(blocks: readonly Block[], ctx: HtmlContext, depth = 0): string {
  const middle = blocks.findIndex((b) => b.kind === 'middle');
  if (middle >= 0 && depth === 0) {
    const upper = blocks.slice(0, middle).map((b) => blockHtml(b, ctx, depth)).join('');
    const lower = blocksHtml(blocks.slice(middle + 1), ctx, depth);
    return `<div class="upper">${upper}</div><div class="lower">${lower}</div>`;
  }
  return blocks.map((b) => blockHtml(b, ctx, depth)).join('');
}

/** A slide's citations as an HTML list: `path:start–end` and the quoted passage. */
export function sourcesHtml(sources: readonly SourceRef[]): string {
  if (sources.length === 0) return '';
  const items = sources.map(
    (s) =>
      `<li><cite>${esc(`${s.path}:${s.startLine === s.endLine ? s.startLine : `${s.startLine}–${s.endLine}`}`)}</cite> <q>${esc(s.quote)}</q></li>`,
  );
  return `<ol class="sources">${items.join('')}</ol>`;
}
