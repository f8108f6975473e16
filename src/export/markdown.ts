import { inlineText, renderBlock, renderInlines, type Block, type BlockRenderer, type Deck, type Inline, type InlineRenderer, type SourceRef } from '../deck/index.js';
import { escapeControls } from '../text/index.js';
import { safeImageSrc, safeLinkHref } from './safe-url.js';

/** Backslash-escapes the characters that would turn text into Markdown or HTML. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/gu, (c) => `\\${c}`);
}

/** Escapes what would start a block construct at the beginning of a line. */
function escapeLineStart(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s)|=+\s*$|(\d+)([.)])(?=\s))/u, (_m, space: string, mark: string, digits?: string, dot?: string) =>
      digits !== undefined ? `${space}${digits}\\${dot}` : `${space}\\${mark}`,
    ))
    .join('\n');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/gu) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/gu, ' ')}${pad}${fence}`;
}

function destination(url: string): string {
  return `<${url.replace(/[<>\n\\]/gu, (c) => (c === '\n' ? '%0A' : `\\${c}`))}>`;
}

const INLINE_MARKDOWN: InlineRenderer<string> = {
  text: (node) => escapeText(node.text),
  strong: (node) => `**${inlineMarkdown(node.children)}**`,
  emphasis: (node) => `*${inlineMarkdown(node.children)}*`,
  strike: (node) => `~~${inlineMarkdown(node.children)}~~`,
  code: (node) => codeSpan(node.text),
  link: (node) => {
    const href = safeLinkHref(node.href);
    const text = inlineMarkdown(node.children);
    return href === null ? text : `[${text}](${destination(href)})`;
  },
  image: (node) => {
    const src = safeImageSrc(node.src);
    return src === null ? escapeText(`[image: ${node.alt}]`) : `![${escapeText(node.alt)}](${destination(src)})`;
  },
  break: () => '\\\n',
};

/** Inline content as Markdown. Links with unsafe schemes lose their target and keep their text. */
export function inlineMarkdown(inlines: readonly Inline[]): string {
  return renderInlines(inlines, INLINE_MARKDOWN).join('');
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split('\n')
    .map((line, i) => (line === '' ? line : `${i === 0 ? first : prefix}${line}`))
    .join('\n');
}

function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/^`{3,}/gmu) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Blocks as Markdown, with heading levels shifted down by `demote` (capped at 6). */
function markdownRenderer(demote: number): BlockRenderer<string> {
  return {
    heading: (block) => `${'#'.repeat(Math.min(6, block.level + demote))} ${inlineMarkdown(block.children)}`,
    paragraph: (block) => escapeLineStart(inlineMarkdown(block.children)),
    list: (block) =>
      block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}.` : '-';
          const task = item.task === null ? '' : item.task ? '[x] ' : '[ ] ';
          // Tight items: the item's paragraph and its nested list on consecutive lines.
          const parts = item.blocks.map((b) => ({ b, text: blockMarkdown(b, demote) })).filter((p) => p.text !== '');
          const body =
            parts.map((p, j) => (j === 0 ? '' : p.b.kind === 'paragraph' && parts[j - 1]?.b.kind === 'paragraph' ? '\n\n' : '\n') + p.text).join('') || ' ';
          return indent(`${task}${body}`, ' '.repeat(marker.length + 1), `${marker} `);
        })
        .join('\n'),
    quote: (block) => indent(blocksMarkdown(block.blocks, demote), '> ').replace(/^$/gmu, '>'),
    alert: (block) => indent(`[!${block.alert.toUpperCase()}]\n${blocksMarkdown(block.blocks, demote)}`, '> ').replace(/^$/gmu, '>'),
    table: (block) => {
      const cell = (c: Inline[]) => inlineMarkdown(c).replace(/\n/gu, ' ') || ' ';
      const rule = block.cellAlign.map((a) => (a === 'center' ? ':---:' : a === 'right' ? '---:' : a === 'left' ? ':---' : '---'));
      return [`| ${block.header.map(cell).join(' | ')} |`, `| ${rule.join(' | ')} |`, ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
    },
    code: (block) => {
      const text = block.text.replace(/\n$/u, '');
      const f = fence(text);
      return `${f}${block.lang.replace(/[`\s]/gu, '')}\n${text}\n${f}`;
    },
    rule: () => '***',
    image: (block) => {
      const src = safeImageSrc(block.src);
      return src === null ? escapeText(`[image: ${block.alt}]`) : `![${escapeText(block.alt)}](${destination(src)})`;
    },
    html: (block) => (block.text.trim() ? escapeLineStart(escapeText(block.text)) : ''),
    columns: (block) =>
      block.columns
        .map((column) => blocksMarkdown(column, demote))
        .filter(Boolean)
        .join('\n\n'),
    spacer: () => '',
    middle: () => '',
  };
}

const RENDERERS = new Map<number, BlockRenderer<string>>();

/** One block as Markdown; `demote` shifts heading levels down (capped at 6). */
export function blockMarkdown(block: Block, demote = 0): string {
  let renderer = RENDERERS.get(demote);
  if (!renderer) RENDERERS.set(demote, (renderer = markdownRenderer(demote)));
  return renderBlock(block, renderer);
}

/** Blocks as Markdown, separated by blank lines. */
export function blocksMarkdown(blocks: readonly Block[], demote = 0): string {
  return blocks
    .map((b) => blockMarkdown(b, demote))
    .filter((text) => text !== '')
    .join('\n\n');
}

/** `path:start–end` (or `path:line`) for a citation. */
export function citeLocation(source: Pick<SourceRef, 'path' | 'startLine' | 'endLine'>): string {
  return `${source.path}:${source.startLine === source.endLine ? source.startLine : `${source.startLine}-${source.endLine}`}`;
}

/**
 * A Markdown handout: the deck's title and details, then for each slide its content, its speaker
 * notes and numbered references to its sources; a closing References section lists each cited
 * passage once, with path, lines and the quoted text.
 */
export function exportMarkdown(deck: Deck): string {
  const { meta } = deck;
  const out: string[] = [];
  out.push(`# ${escapeText(meta.title || deck.slides[0]?.title || 'Slides')}`);
  const details = [meta.subtitle, meta.author, meta.event, meta.date].filter((v) => v.trim() !== '').map(escapeText);
  if (details.length) out.push(details.join(' · '));

  const refs: SourceRef[] = [];
  const refNumber = (s: SourceRef) => {
    let i = refs.findIndex((r) => r.path === s.path && r.startLine === s.startLine && r.endLine === s.endLine && r.quote === s.quote);
    if (i < 0) i = refs.push(s) - 1;
    return i + 1;
  };

  for (const slide of deck.slides) {
    out.push('---');
    const title = slide.title ? `: ${escapeText(slide.title.replace(/\n/gu, ' '))}` : '';
    out.push(`## Slide ${slide.index}${title}`);
    // The slide's title is the section heading: leave its own first heading out.
    const first = slide.blocks[0];
    const blocks = first?.kind === 'heading' && inlineText(first.children).trim() === slide.title.trim() ? slide.blocks.slice(1) : slide.blocks;
    const body = blocksMarkdown(blocks, 2);
    if (body) out.push(body);
    const notes = blocksMarkdown(slide.notesBlocks, 3);
    if (notes) out.push('**Notes**', notes);
    if (slide.sources.length) {
      const numbers = [...new Set(slide.sources.map(refNumber))];
      out.push(`**Sources:** ${numbers.map((n) => `\\[${n}\\]`).join(', ')} (see References)`);
    }
  }

  if (refs.length) {
    out.push('---', '## References');
    out.push(
      refs
        .map((r, i) => {
          const quote = r.quote.replace(/\s+/gu, ' ').trim();
          return `${i + 1}. ${codeSpan(citeLocation(r))} — “${escapeText(quote)}”`;
        })
        .join('\n'),
    );
  }
  // No control character reaches a terminal that shows the handout: each becomes a placeholder (␛).
  return `${escapeControls(out.join('\n\n'))}\n`;
}
