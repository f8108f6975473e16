import type PptxGenJS from 'pptxgenjs';
import stringWidth from 'string-width';
import { assertNever, blocksText, type Block, type Deck, type Inline, type Slide } from '../deck/index.js';
import type { TextStyle, Theme } from '../theme/index.js';
import { tokenStyle } from './token-style.js';
import type { CodeToken } from './code-tokens.js';
import { cssColor, pageColors } from './css-color.js';
import { ExportError } from './export-error.js';
import { headingLevel } from './html-blocks.js';
import { imageSize } from './image-size.js';
import { embedImages, type EmbedImagesOptions } from './images.js';
import { citeLocation } from './markdown.js';
import { repairPptx } from './pptx-xml.js';
import { safeLinkHref } from './safe-url.js';

export interface PptxOptions {
  theme: Theme;
  /** One slide per reveal step instead of one per slide. */
  steps?: boolean;
  /** How images are read and who hears of one left out (see HtmlOptions). */
  images?: EmbedImagesOptions;
}

type TextRun = PptxGenJS.TextProps;
type RunOptions = PptxGenJS.TextPropsOptions;

/** Slide size: PowerPoint's 16:9 widescreen, in inches. */
const SLIDE_W = 13.333;
const SLIDE_H = 7.5;
const MARGIN_X = 0.6;
const TITLE_Y = 0.35;
const TITLE_H = 1.0;
const BODY_TOP = 1.45;
const BODY_BOTTOM = 6.95;
const SANS_FACE = 'Noto Sans CJK SC';
const MONO_FACE = 'DejaVu Sans Mono';
/** Emoji runs are set in this face (latin, ea, cs and sym); applications without it fall back to their own. */
const EMOJI_FACE = 'Noto Color Emoji';
/** Table cell padding in inches: top, right, bottom, left. */
const CELL_PADDING: [number, number, number, number] = [0.08, 0.14, 0.08, 0.14];
const HEADING_PT = { 1: 36, 2: 30, 3: 26, 4: 24, 5: 22, 6: 20 } as const;
const BODY_PT = 20;
const CODE_PT = 14;
const TABLE_PT = 16;
const LINE = 1.2;
const PARA_AFTER_PT = 6;

/** Characters XML 1.0 forbids (C0 controls but tab/newline, U+FFFE/FFFF, lone surrogates): a .pptx with them will not open. */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const clean = (text: string) => text.replace(XML_INVALID, '').replace(/\t/gu, '    ');

/** '#rrggbb' → 'RRGGBB' as pptxgenjs wants; undefined for 'default'. */
function hex(color: string | undefined): string | undefined {
  const css = cssColor(color);
  return css ? css.slice(1).toUpperCase() : undefined;
}

interface Ctx {
  theme: Theme;
  fg: string;
  bg: string;
  images: ReadonlyMap<string, string>;
  codeTokens: (lang: string, text: string) => CodeToken[][];
  /** Font scale for this slide, shrunk until the content fits. */
  scale: number;
}

function styled(base: RunOptions, style: TextStyle, ctx: Ctx): RunOptions {
  const out: RunOptions = { ...base };
  const color = hex(style.fg);
  if (color) out.color = color;
  if (style.bold !== undefined) out.bold = style.bold;
  if (style.italic !== undefined) out.italic = style.italic;
  if (style.underline) out.underline = { style: 'sng' };
  if (style.strikethrough) out.strike = 'sngStrike';
  const bg = hex(style.bg);
  if (bg && bg !== ctx.bg) out.highlight = bg;
  return out;
}

/** An emoji with its modifiers, joiners and variation selectors; flags; keycaps. */
const EMOJI =
  /(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{Emoji_Modifier}|\uFE0F|\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F?))*|[\u{1F1E6}-\u{1F1FF}]{2}|[#*0-9]\uFE0F?\u20E3/gu;
/** East Asian text: Han, kana, Hangul, CJK and full-width punctuation. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]+/gu;

/** The language tag of a run of East Asian text, so applications shape and break it as that language. */
function cjkLang(text: string): string {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja-JP';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko-KR';
  return 'zh-CN';
}

/**
 * Splits a run where the script changes: emoji get a run of their own in the emoji face (and, after
 * packaging, a `sym` font), East Asian text a run tagged with its language, whose `ea` font is the
 * CJK face. A run that mixes them would leave the choice of font to the application, and LibreOffice
 * then draws emoji in the Latin face, as nothing.
 */
export function scriptRuns(text: string, options: RunOptions): TextRun[] {
  const pieces: { text: string; kind: 'emoji' | 'text' }[] = [];
  let last = 0;
  for (const m of text.matchAll(EMOJI)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), kind: 'text' });
    pieces.push({ text: m[0], kind: 'emoji' });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), kind: 'text' });
  const runs: TextRun[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'emoji') {
      runs.push({ text: piece.text, options: { ...options, fontFace: EMOJI_FACE } });
      continue;
    }
    let at = 0;
    for (const m of piece.text.matchAll(CJK)) {
      if (m.index > at) runs.push({ text: piece.text.slice(at, m.index), options: { ...options } });
      runs.push({ text: m[0], options: { ...options, lang: cjkLang(m[0]) } });
      at = m.index + m[0].length;
    }
    if (at < piece.text.length) runs.push({ text: piece.text.slice(at), options: { ...options } });
  }
  return runs.length ? runs : [{ text, options: { ...options } }];
}

/** Inline content as text runs; links keep their target only with an allowed absolute scheme. */
function inlineRuns(inlines: readonly Inline[], base: RunOptions, ctx: Ctx): TextRun[] {
  const runs: TextRun[] = [];
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        runs.push(...scriptRuns(clean(node.text).replace(/\n/gu, ' '), base));
        break;
      case 'strong':
        runs.push(...inlineRuns(node.children, styled({ ...base, bold: true }, ctx.theme.strong, ctx), ctx));
        break;
      case 'emphasis':
        runs.push(...inlineRuns(node.children, styled({ ...base, italic: true }, ctx.theme.emphasis, ctx), ctx));
        break;
      case 'strike':
        runs.push(...inlineRuns(node.children, styled({ ...base, strike: 'sngStrike' }, ctx.theme.strike, ctx), ctx));
        break;
      case 'code':
        runs.push(...scriptRuns(clean(node.text), styled({ ...base, fontFace: MONO_FACE }, ctx.theme.inlineCode, ctx)));
        break;
      case 'link': {
        const href = safeLinkHref(node.href);
        const options = styled(base, ctx.theme.link, ctx);
        if (href !== null && /^(?:https?|mailto):/iu.test(href)) options.hyperlink = { url: href };
        runs.push(...inlineRuns(node.children, options, ctx));
        break;
      }
      case 'image':
        runs.push({ text: clean(`[${node.alt || 'image'}]`), options: styled(base, ctx.theme.image, ctx) });
        break;
      case 'break':
        runs.push({ text: ' ', options: { ...base } });
        break;
      default:
        assertNever(node);
    }
  }
  return runs;
}

/** A paragraph of a text box: its runs (paragraph options on the first) and its size in points. */
interface Paragraph {
  runs: TextRun[];
  fontSize: number;
  /** Indent of the text from the box edge, in points (bullets and quotes). */
  indentPt: number;
  /** Display width of the text, for estimating wrapped lines. */
  columns: number;
  mono: boolean;
}

function paragraph(runs: TextRun[], fontSize: number, indentPt = 0, mono = false): Paragraph {
  const text = runs.map((r) => r.text ?? '').join('');
  return { runs: runs.length ? runs : [{ text: '', options: { fontSize } }], fontSize, indentPt, columns: stringWidth(text), mono };
}

function bulletCode(char: string): string {
  return (char.codePointAt(0) ?? 0x2022).toString(16).toUpperCase().padStart(4, '0');
}

/** Blocks that live in one text box, as paragraphs. */
function textParagraphs(blocks: readonly Block[], ctx: Ctx, depth: number, out: Paragraph[]): void {
  const { theme } = ctx;
  const body = BODY_PT * ctx.scale;
  const base: RunOptions = { fontSize: body, color: ctx.fg, fontFace: SANS_FACE };
  for (const block of blocks) {
    const align = block.align;
    switch (block.kind) {
      case 'heading': {
        const level = headingLevel(block.level);
        const size = HEADING_PT[level] * ctx.scale;
        const runs = inlineRuns(block.children, styled({ ...base, fontSize: size, bold: true }, theme.headings[`h${level}`], ctx), ctx);
        if (runs[0]) runs[0].options = { ...runs[0].options, align, indentLevel: depth };
        out.push(paragraph(runs, size));
        break;
      }
      case 'paragraph': {
        const runs = inlineRuns(block.children, base, ctx);
        if (runs[0]) runs[0].options = { ...runs[0].options, align, indentLevel: depth };
        out.push(paragraph(runs, body, depth * 27));
        break;
      }
      case 'list':
        block.items.forEach((item, i) => {
          const [first, ...rest] = item.blocks;
          const lead = first && (first.kind === 'paragraph' || first.kind === 'heading') ? first.children : [];
          const bullets = theme.list.bullets.length ? theme.list.bullets : ['•'];
          let runs = inlineRuns(lead, base, ctx);
          if (item.task !== null) runs = [{ text: `${item.task ? theme.list.taskDone : theme.list.taskOpen} `, options: { ...base } }, ...runs];
          if (runs.length === 0) runs = [{ text: '', options: { ...base } }];
          const bullet: RunOptions['bullet'] = block.ordered
            ? { type: 'number', numberType: 'arabicPeriod', numberStartAt: block.start + i }
            : item.task !== null
              ? false
              : { characterCode: bulletCode(bullets[depth % bullets.length]!) };
          runs[0]!.options = { ...runs[0]!.options, bullet, indentLevel: depth };
          out.push(paragraph(runs, body, (depth + 1) * 27));
          textParagraphs(lead.length ? rest : item.blocks, ctx, depth + 1, out);
        });
        break;
      case 'quote': {
        const start = out.length;
        textParagraphs(block.blocks, { ...ctx }, depth + 1, out);
        for (const p of out.slice(start)) {
          p.runs = p.runs.map((r) => ({ ...r, options: styled(r.options ?? {}, theme.quote, ctx) }));
        }
        break;
      }
      case 'alert': {
        const style = theme.alerts[block.alert];
        const runs = [{ text: clean(`${style.icon} ${style.label}`.trim()), options: styled({ ...base, bold: true, indentLevel: depth }, style, ctx) }];
        out.push(paragraph(runs, body));
        textParagraphs(block.blocks, ctx, depth + 1, out);
        break;
      }
      case 'code': {
        const size = CODE_PT * ctx.scale;
        for (const line of block.text.replace(/\n$/u, '').split('\n')) {
          out.push(paragraph([{ text: clean(line) || ' ', options: { ...base, fontSize: size, fontFace: MONO_FACE, indentLevel: depth } }], size, depth * 27, true));
        }
        break;
      }
      case 'table':
        for (const row of [block.header, ...block.rows]) {
          const runs = row.flatMap((cell, i) => [...(i ? [{ text: ' | ', options: { ...base } }] : []), ...inlineRuns(cell, base, ctx)]);
          out.push(paragraph(runs, body, depth * 27));
        }
        break;
      case 'image':
        out.push(paragraph([{ text: clean(`[image: ${block.alt || block.src}]`), options: styled(base, theme.image, ctx) }], body));
        break;
      case 'html':
        if (block.text.trim()) out.push(paragraph([{ text: clean(block.text), options: { ...base, fontFace: MONO_FACE } }], body, 0, true));
        break;
      case 'columns':
        for (const column of block.columns) textParagraphs(column, ctx, depth, out);
        break;
      case 'rule':
      case 'spacer':
      case 'middle':
        break;
      default:
        assertNever(block);
    }
  }
}

/** Estimated height in inches of paragraphs wrapped in a box `width` inches wide. */
function paragraphsHeight(paragraphs: readonly Paragraph[], width: number): number {
  let pt = 0;
  for (const p of paragraphs) {
    const availablePt = Math.max(36, width * 72 - p.indentPt - 14);
    const columnPt = p.fontSize * (p.mono ? 0.6 : 0.55);
    const lines = Math.max(1, Math.ceil((p.columns * columnPt) / availablePt));
    pt += lines * p.fontSize * LINE + PARA_AFTER_PT * 0.5;
  }
  return pt / 72 + 0.1;
}

/** Runs for all paragraphs of one text box, each paragraph closed by a line break. */
function boxRuns(paragraphs: readonly Paragraph[]): TextRun[] {
  const runs: TextRun[] = [];
  paragraphs.forEach((p, i) => {
    p.runs.forEach((run, j) => {
      const last = j === p.runs.length - 1;
      const options: RunOptions = { ...run.options, paraSpaceAfter: PARA_AFTER_PT };
      if (j > 0) delete options.bullet;
      if (last && i < paragraphs.length - 1) options.breakLine = true;
      runs.push({ text: run.text ?? '', options });
    });
  });
  return runs;
}

interface Area {
  x: number;
  y: number;
  w: number;
  /** Lowest y content may reach. */
  bottom: number;
  /** Where `middle` puts what follows. */
  middle: number;
}

/** Inner padding of a code box, in points. */
const CODE_PAD_X = 10;
const CODE_PAD_Y = 6;

/**
 * A code block: a box in the theme's code background; behind each highlighted line a band in the
 * highlighted-line background with the highlight marker's colour at its left edge; the text on top
 * with exact line spacing, so the bands sit under their lines; line numbers in a gutter when asked
 * for. Returns the y after the block.
 */
function layoutCode(block: Extract<Block, { kind: 'code' }>, area: Area, ctx: Ctx, pptx: PptxGenJS, slide: PptxGenJS.Slide | null): number {
  const { theme } = ctx;
  const source = block.text.replace(/\n$/u, '');
  const lines = ctx.codeTokens(block.lang, source);
  const digits = String(lines.length).length;
  const gutter = block.lineNumbers ? digits + 2 : 0;
  const widest = Math.max(1, ...source.split('\n').map((l) => stringWidth(l))) + gutter;
  // Shrink the code font until its widest line fits the box.
  const size = Math.max(6, Math.min(CODE_PT * ctx.scale, ((area.w * 72 - 2 * CODE_PAD_X - 4) / (widest * 0.6))));
  const lineH = Math.round(size * LINE * 100) / 100;
  const h = Math.min((lines.length * lineH + 2 * CODE_PAD_Y) / 72, Math.max(0.3, area.bottom - area.y));
  const codeBg = hex(theme.code.block.bg) ?? ctx.bg;
  const codeFg = hex(theme.code.block.fg) ?? ctx.fg;
  const lit = (n: number) => block.highlight.some((r) => n >= r.from && n <= r.to);
  const name = block.lang ? `code (${block.lang.slice(0, 40)})` : 'code';

  slide?.addShape(pptx.ShapeType.rect, { x: area.x, y: area.y, w: area.w, h, fill: { color: codeBg }, line: { type: 'none' }, objectName: `${name} background` });
  const band = hex(theme.code.highlightLine.bg) ?? codeBg;
  const marker = hex(theme.code.highlightMarker.fg) ?? hex(theme.headings.h1.fg) ?? ctx.fg;
  lines.forEach((_, i) => {
    if (!lit(i + 1)) return;
    const top = area.y + (CODE_PAD_Y + i * lineH) / 72;
    if (top + lineH / 72 > area.y + h + 0.001) return;
    slide?.addShape(pptx.ShapeType.rect, { x: area.x, y: top, w: area.w, h: lineH / 72, fill: { color: band }, line: { type: 'none' }, objectName: `highlighted line ${i + 1}` });
    slide?.addShape(pptx.ShapeType.rect, { x: area.x, y: top, w: 0.06, h: lineH / 72, fill: { color: marker }, line: { type: 'none' }, objectName: `highlight marker ${i + 1}` });
  });

  const runs: TextRun[] = [];
  lines.forEach((line, i) => {
    const highlighted = lit(i + 1);
    const lineStyle = highlighted ? theme.code.highlightLine : {};
    const lineRuns: TextRun[] = [];
    if (block.lineNumbers) {
      const number: RunOptions = { fontFace: MONO_FACE, fontSize: size, color: hex(theme.code.lineNumber.fg) ?? codeFg };
      if (theme.code.lineNumber.bold) number.bold = true;
      lineRuns.push({ text: `${String(i + 1).padStart(digits)}  `, options: number });
    }
    const tokens = line.length ? line : [{ text: ' ', scope: '' }];
    for (const token of tokens) {
      const style = token.scope ? tokenStyle(theme.code.tokens, token.scope) : {};
      const options: RunOptions = { fontFace: MONO_FACE, fontSize: size, color: hex(style.fg) ?? hex(lineStyle.fg) ?? codeFg };
      if (style.bold || lineStyle.bold) options.bold = true;
      if (style.italic || lineStyle.italic) options.italic = true;
      lineRuns.push(...scriptRuns(clean(token.text), options));
    }
    lineRuns[0]!.options = { ...lineRuns[0]!.options, lineSpacing: lineH, paraSpaceAfter: 0 };
    if (i < lines.length - 1) lineRuns[lineRuns.length - 1]!.options = { ...lineRuns[lineRuns.length - 1]!.options, breakLine: true };
    runs.push(...lineRuns);
  });
  slide?.addText(runs, {
    x: area.x,
    y: area.y,
    w: area.w,
    h,
    valign: 'top',
    margin: [CODE_PAD_X, CODE_PAD_X, CODE_PAD_Y, CODE_PAD_Y],
    fontFace: MONO_FACE,
    objectName: name,
  });
  return area.y + h + 0.12;
}

/** Lays out blocks top to bottom in `area`; draws on `slide` when given. Returns the y after the last block. */
function layoutBlocks(blocks: readonly Block[], area: Area, ctx: Ctx, pptx: PptxGenJS, slide: PptxGenJS.Slide | null): number {
  let y = area.y;
  let pending: Block[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const paragraphs: Paragraph[] = [];
    textParagraphs(pending, ctx, 0, paragraphs);
    pending = [];
    if (paragraphs.length === 0) return;
    const h = paragraphsHeight(paragraphs, area.w);
    slide?.addText(boxRuns(paragraphs), {
      x: area.x,
      y,
      w: area.w,
      h: Math.max(0.3, Math.min(h, area.bottom - y)),
      valign: 'top',
      margin: [2, 4, 2, 4],
      fit: 'shrink',
      fontFace: SANS_FACE,
      color: ctx.fg,
    });
    y += h + 0.08;
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'code': {
        flush();
        y = layoutCode(block, { ...area, y }, ctx, pptx, slide);
        break;
      }
      case 'table': {
        flush();
        const size = TABLE_PT * ctx.scale;
        const border = hex(ctx.theme.table.border.fg) ?? ctx.fg;
        const header = styled({ fontSize: size, bold: true, color: ctx.fg, fontFace: SANS_FACE }, ctx.theme.table.header, ctx);
        const cellText = (cell: Inline[], base: RunOptions) => {
          const runs = inlineRuns(cell, base, ctx);
          return runs.length ? runs : [{ text: '', options: base }];
        };
        const align = (i: number) => block.cellAlign[i] ?? 'left';
        const rows: PptxGenJS.TableRow[] = [
          block.header.map((cell, i) => ({ text: cellText(cell, header), options: { ...header, align: align(i), margin: CELL_PADDING } })),
          ...block.rows.map((row) =>
            row.map((cell, i) => {
              const base: RunOptions = { fontSize: size, color: ctx.fg, fontFace: SANS_FACE };
              return { text: cellText(cell, base), options: { ...base, align: align(i), margin: CELL_PADDING } };
            }),
          ),
        ];
        const columns = Math.max(1, block.header.length);
        const widths = Array.from({ length: columns }, (_, i) =>
          Math.max(3, ...[block.header, ...block.rows].map((row) => stringWidth(blocksText([{ kind: 'paragraph', children: row[i] ?? [], step: 0, align: 'left', line: 0 }]).join(' ')))),
        );
        const total = widths.reduce((a, b) => a + b, 0);
        const colW = widths.map((w) => (area.w * w) / total);
        const rowLines = [block.header, ...block.rows].map((row) =>
          Math.max(1, ...row.map((cell, i) => Math.ceil((stringWidth(blocksText([{ kind: 'paragraph', children: cell, step: 0, align: 'left', line: 0 }]).join(' ')) * size * 0.55) / Math.max(20, (colW[i]! - CELL_PADDING[1] - CELL_PADDING[3]) * 72)))),
        );
        const rowH = rowLines.map((n) => (n * size * LINE) / 72 + CELL_PADDING[0] + CELL_PADDING[2] + 0.04);
        slide?.addTable(rows, { x: area.x, y, w: area.w, colW, rowH, border: { type: 'solid', pt: 1, color: border }, fontFace: SANS_FACE, margin: CELL_PADDING });
        y += rowH.reduce((a, b) => a + b, 0) + 0.12;
        break;
      }
      case 'image': {
        flush();
        const data = ctx.images.get(block.src);
        const match = data ? /^data:(image\/(?:png|jpeg|gif));base64,(.*)$/su.exec(data) : null;
        const size = match ? imageSize(Buffer.from(match[2]!, 'base64')) : null;
        if (match && size && size.width > 0 && size.height > 0) {
          const maxH = Math.max(0.5, Math.min(area.bottom - y, 4.2));
          let w = Math.min(area.w, (size.width / 96) * 1.2);
          let h = (w * size.height) / size.width;
          if (h > maxH) {
            h = maxH;
            w = (h * size.width) / size.height;
          }
          const x = block.align === 'center' ? area.x + (area.w - w) / 2 : block.align === 'right' ? area.x + area.w - w : area.x;
          slide?.addImage({ data: `${match[1]};base64,${match[2]}`, x, y, w, h, altText: clean(block.alt) });
          y += h + 0.12;
        } else {
          pending.push(block);
        }
        break;
      }
      case 'columns': {
        flush();
        const gap = 0.3;
        const weights = block.columns.map((_, i) => Math.max(0.1, Number(block.widths[i]) || 1));
        const sum = weights.reduce((a, b) => a + b, 0);
        const usable = area.w - gap * (block.columns.length - 1);
        let x = area.x;
        let lowest = y;
        block.columns.forEach((column, i) => {
          const w = (usable * weights[i]!) / sum;
          lowest = Math.max(lowest, layoutBlocks(column, { x, y, w, bottom: area.bottom, middle: area.middle }, ctx, pptx, slide));
          x += w + gap;
        });
        y = lowest + 0.08;
        break;
      }
      case 'rule':
        flush();
        slide?.addShape(pptx.ShapeType.line, { x: area.x, y: y + 0.08, w: area.w, h: 0, line: { color: hex(ctx.theme.rule.fg) ?? ctx.fg, width: 1 } });
        y += 0.2;
        break;
      case 'spacer':
        flush();
        y += (Math.min(40, block.lines) * BODY_PT * ctx.scale * LINE) / 72;
        break;
      case 'middle':
        flush();
        y = Math.max(y, area.middle);
        break;
      default:
        pending.push(block);
    }
  }
  flush();
  return y;
}

function blocksAtStep(blocks: readonly Block[], step: number): Block[] {
  return blocks
    .filter((b) => b.step <= step)
    .map((b): Block => {
      switch (b.kind) {
        case 'list':
          return { ...b, items: b.items.filter((item) => item.step <= step).map((item) => ({ ...item, blocks: blocksAtStep(item.blocks, step) })) };
        case 'quote':
        case 'alert':
          return { ...b, blocks: blocksAtStep(b.blocks, step) };
        case 'columns':
          return { ...b, columns: b.columns.map((column) => blocksAtStep(column, step)) };
        default:
          return b;
      }
    });
}

/** Speaker notes: the notes as plain text, then each citation as `path:lines "quote"`. */
export function pptxNotes(slide: Slide): string {
  const parts: string[] = [];
  const notes = blocksText(slide.notesBlocks).join('\n').trim();
  if (notes) parts.push(notes);
  if (slide.sources.length) {
    parts.push(['Sources:', ...slide.sources.map((s) => `${citeLocation(s)} "${s.quote.replace(/\s+/gu, ' ').trim()}"`)].join('\n'));
  }
  return clean(parts.join('\n\n'));
}

function addSlide(pptx: PptxGenJS, deck: Deck, slide: Slide, blocks: readonly Block[], ctx: Ctx): void {
  const titleBlock = blocks[0]?.kind === 'heading' ? blocks[0] : null;
  const rest = titleBlock ? blocks.slice(1) : blocks;
  const area: Area = {
    x: MARGIN_X,
    y: titleBlock ? BODY_TOP : TITLE_Y,
    w: SLIDE_W - 2 * MARGIN_X,
    bottom: BODY_BOTTOM,
    middle: SLIDE_H / 2 - 0.3,
  };
  // Shrink the slide's fonts until the estimated content height fits.
  let scale = 1;
  for (; scale > 0.45; scale -= 0.05) {
    if (layoutBlocks(rest, area, { ...ctx, scale }, pptx, null) <= area.bottom) break;
  }
  const scaled = { ...ctx, scale };
  const out = pptx.addSlide({ masterName: 'TALKDECK' });
  if (titleBlock && titleBlock.kind === 'heading') {
    const level = headingLevel(titleBlock.level);
    const style = ctx.theme.headings[`h${level}`];
    const size = Math.min(HEADING_PT[level], 36);
    const runs = inlineRuns(titleBlock.children, styled({ fontSize: size, bold: true, color: ctx.fg, fontFace: SANS_FACE }, style, scaled), scaled);
    out.addText(runs.length ? runs : [{ text: ' ' }], { placeholder: 'title', align: titleBlock.align, fit: 'shrink' });
  }
  layoutBlocks(rest, area, scaled, pptx, out);
  if (slide.layout.footer) {
    out.addText(clean(`${deck.meta.title}    ${slide.index} / ${deck.slides.length}`.trim()), {
      x: MARGIN_X,
      y: SLIDE_H - 0.45,
      w: SLIDE_W - 2 * MARGIN_X,
      h: 0.3,
      fontSize: 10,
      color: hex(ctx.theme.footer.text.fg) ?? ctx.fg,
      fontFace: SANS_FACE,
      align: 'right',
    });
  }
  const notes = pptxNotes(slide);
  if (notes) out.addNotes(notes);
}

/**
 * Turns a deck into a PowerPoint file of native, editable shapes: titles in title placeholders,
 * text boxes with real bullets and levels, code in a monospace box with the theme's token colours,
 * tables as tables, local images as pictures; the theme's colours; speaker notes holding the notes
 * and the citations. Opens in PowerPoint, Keynote and LibreOffice Impress.
 */
export async function exportPptx(deck: Deck, options: PptxOptions): Promise<Uint8Array> {
  let PptxGen: typeof PptxGenJS;
  try {
    PptxGen = (await import('pptxgenjs')).default;
  } catch (error) {
    throw new ExportError('PPTX export needs the pptxgenjs package: run `npm install pptxgenjs`.', { cause: error });
  }
  const { codeTokens } = await import('./code-tokens.js');
  const { theme } = options;
  const page = pageColors(theme.background, theme.text.fg);
  const ctx: Ctx = {
    theme,
    fg: page.text.slice(1).toUpperCase(),
    bg: page.background.slice(1).toUpperCase(),
    images: await embedImages(deck, options.images),
    codeTokens,
    scale: 1,
  };

  const pptx = new PptxGen();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = clean(deck.meta.title);
  if (deck.meta.author) pptx.author = clean(deck.meta.author);
  if (deck.meta.subtitle) pptx.subject = clean(deck.meta.subtitle);
  pptx.company = '';
  const h1 = theme.headings.h1;
  pptx.defineSlideMaster({
    title: 'TALKDECK',
    background: { color: ctx.bg },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: MARGIN_X,
            y: TITLE_Y,
            w: SLIDE_W - 2 * MARGIN_X,
            h: TITLE_H,
            fontFace: SANS_FACE,
            fontSize: 32,
            bold: true,
            color: hex(h1.fg) ?? ctx.fg,
            valign: 'top',
          },
          text: '',
        },
      },
    ],
  });

  for (const slide of deck.slides) {
    const steps = options.steps ? Math.max(1, slide.steps) : 1;
    for (let step = 0; step < steps; step++) {
      const blocks = options.steps ? blocksAtStep(slide.blocks, step) : slide.blocks;
      addSlide(pptx, deck, slide, blocks, ctx);
    }
  }
  const out = await pptx.write({ outputType: 'uint8array', compression: false });
  if (!(out instanceof Uint8Array)) throw new ExportError('pptxgenjs returned no data');
  return repairPptx(out, EMOJI_FACE);
}
