import { createHash } from 'node:crypto';
import type { Deck, Slide } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import type { CodeToken } from './code-tokens.js';
import { pageColors } from './css-color.js';
import { pageCss, type HtmlLayout } from './html-css.js';
import { blocksHtml, esc, sourcesHtml, type HtmlContext } from './html-blocks.js';
import { PAGE_SCRIPT } from './html-script.js';
import { embedImages, type EmbedImagesOptions } from './images.js';
import { StyleSheet } from './style-sheet.js';

export type { HtmlLayout } from './html-css.js';

export interface HtmlOptions {
  theme: Theme;
  /**
   * 'present' (default): one slide on screen, keyboard navigation, overview and speaker view.
   * 'print': one 16:9 page per slide. 'handout': an A4 page per slide with its notes and citations.
   */
  layout?: HtmlLayout;
  /** With 'print': one page per reveal step instead of per slide. */
  steps?: boolean;
  /** Embed local images as data: URIs (default true); images are read relative to the deck file. */
  embedImages?: boolean;
  /** How images are read (the deck's folder, --allow-outside) and who hears of one left out. */
  images?: EmbedImagesOptions;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The strict policy: nothing runs or loads but this page's own hashed script and style, and images. */
function contentSecurityPolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    `style-src ${styleHash}`,
    'img-src data: https: http:',
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function plainTokens(_lang: string, text: string): CodeToken[][] {
  return text.split('\n').map((line) => (line ? [{ text: line, scope: '' }] : []));
}

function slideSection(slide: Slide, deck: Deck, ctx: HtmlContext): string {
  const label = slide.title ? `Slide ${slide.index}: ${slide.title}` : `Slide ${slide.index}`;
  const footer = slide.layout.footer
    ? `<footer class="slide-footer"><span>${esc(deck.meta.title)}</span><span>${Number(slide.index)} / ${deck.slides.length}</span></footer>`
    : '';
  return `<section class="slide" aria-label="${esc(label)}"><div class="content">${blocksHtml(slide.blocks, ctx)}</div>${footer}</section>`;
}

function notesHtml(slide: Slide, notesCtx: HtmlContext): string {
  return slide.notesBlocks.length ? blocksHtml(slide.notesBlocks, notesCtx) : '';
}

function presentBox(slide: Slide, deck: Deck, ctx: HtmlContext, notesCtx: HtmlContext): string {
  return (
    `<div class="box" data-index="${Number(slide.index)}" data-steps="${Math.max(1, Math.floor(Number(slide.steps)) || 1)}">` +
    slideSection(slide, deck, ctx) +
    `<aside class="notes">${notesHtml(slide, notesCtx)}</aside>` +
    `<div class="cites">${sourcesHtml(slide.sources)}</div></div>`
  );
}

function handoutBox(slide: Slide, deck: Deck, ctx: HtmlContext, notesCtx: HtmlContext): string {
  const notes = notesHtml(slide, notesCtx);
  const sources = sourcesHtml(slide.sources);
  return (
    `<div class="box" data-index="${Number(slide.index)}">` +
    `<div class="handout-head"><span>${esc(deck.meta.title)}</span><span>${Number(slide.index)} / ${deck.slides.length}</span></div>` +
    `<div class="thumb">${slideSection(slide, deck, ctx)}</div>` +
    `<div class="handout-text">` +
    (notes ? `<h2>Notes</h2><div class="notes">${notes}</div>` : '') +
    (sources ? `<h2>Sources</h2><div class="cites">${sources}</div>` : '') +
    `</div></div>`
  );
}

/** The keys of the HTML presentation, for the help overlay (the README lists the same). */
export const HTML_KEYS: readonly (readonly [string, string])[] = [
  ['→ ↓ Space PgDn Enter l j n', 'next step, then next slide'],
  ['← ↑ PgUp Backspace h k p', 'previous'],
  ['Home / End', 'first / last slide'],
  ['o', 'overview of all slides (arrows to move, Enter to go)'],
  ['s', 'speaker view in a second window; this one becomes the audience view'],
  ['b', 'blank the audience screen (again to show it)'],
  ['t', 'pause or resume the timer'],
  ['r', 'reset the timer'],
  ['f', 'full screen'],
  ['?', 'this help'],
  ['Esc', 'close the help, the overview or the speaker view'],
];

const HELP =
  '<div class="help" id="help" hidden role="dialog" aria-label="Keys"><b>Keys</b><table>' +
  HTML_KEYS.map(([keys, action]) => `<tr><td><kbd>${esc(keys)}</kbd></td><td>${esc(action)}</td></tr>`).join('') +
  '</table></div>';

const SPEAKER =
  '<div class="speaker" id="speaker" hidden aria-label="Speaker view">' +
  '<div class="sp-bar"><span class="sp-timer" id="sp-timer" title="time since the speaker view opened">00:00</span>' +
  '<button type="button" id="sp-pause" aria-pressed="false">Pause</button><button type="button" id="sp-reset">Reset</button>' +
  '<span class="sp-clock" id="sp-clock" title="current time"></span>' +
  '<button type="button" id="sp-blank" aria-pressed="false">Blank</button>' +
  '<span class="sp-status" id="sp-status" role="status"></span><span class="sp-pos" id="sp-pos"></span></div>' +
  '<section class="sp-now"><div class="sp-label">Now</div><div class="sp-frame" id="sp-current"></div></section>' +
  '<section class="sp-next"><div class="sp-label">Next</div><div class="sp-frame" id="sp-next"></div></section>' +
  '<section class="sp-side"><div class="sp-label">Notes</div><div class="sp-notes" id="sp-notes" tabindex="0"></div>' +
  '<div class="sp-sources" id="sp-sources"></div></section>' +
  '</div>';

const BLANK = '<div class="blank" id="blank" aria-hidden="true"></div>';

/** Whether a code block (a block of kind 'code', which has a language) is anywhere in `value`. */
function holdsCodeBlock(value: unknown): boolean {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    const record = item as Record<string, unknown>;
    if (!Array.isArray(item) && record['kind'] === 'code' && typeof record['lang'] === 'string') return true;
    for (const key of Object.keys(record)) stack.push(record[key]);
  }
  return false;
}

/**
 * Turns a deck into one self-contained HTML file: styles and script inline, local images embedded,
 * the theme's colours, and a Content-Security-Policy that lets only the page's own (hashed)
 * script and style run. Deck text is escaped everywhere; link and image URLs pass a scheme allow-list.
 */
export async function exportHtml(deck: Deck, options: HtmlOptions): Promise<string> {
  const layout = options.layout ?? 'present';
  // The highlighter (lowlight and its languages) is loaded only for a deck that shows code.
  const codeTokens = holdsCodeBlock(deck.slides) ? (await import('./code-tokens.js')).codeTokens : plainTokens;
  const page = pageColors(options.theme.background, options.theme.text.fg);
  const sheet = new StyleSheet(options.theme, page);
  const images = options.embedImages === false ? new Map<string, string>() : await embedImages(deck, options.images);
  const ctx: HtmlContext = { sheet, images, codeTokens, staticStep: null };
  const notesCtx: HtmlContext = { ...ctx, codeTokens: plainTokens };

  let boxes: string;
  if (layout === 'handout') {
    boxes = deck.slides.map((slide) => handoutBox(slide, deck, ctx, notesCtx)).join('\n');
  } else if (layout === 'print' && options.steps) {
    boxes = deck.slides
      .flatMap((slide) =>
        Array.from({ length: Math.max(1, slide.steps) }, (_, step) =>
          presentBox(slide, deck, { ...ctx, staticStep: step }, notesCtx),
        ),
      )
      .join('\n');
  } else {
    boxes = deck.slides.map((slide) => presentBox(slide, deck, ctx, notesCtx)).join('\n');
  }

  const css = `${pageCss(options.theme, sheet, layout)}\n${sheet.css()}\n`;
  const title = deck.meta.title || deck.slides[0]?.title || 'Slides';
  const lang = /[\u3040-\u30ff]/u.test(title) ? 'ja' : /[\u4e00-\u9fff]/u.test(deckText(deck)) ? 'zh-CN' : 'en';
  const duration = deck.meta.durationMs !== null ? ` data-duration-ms="${Math.round(deck.meta.durationMs)}"` : '';
  const meta = [
    `<meta name="generator" content="talkdeck">`,
    deck.meta.author ? `<meta name="author" content="${esc(deck.meta.author)}">` : '',
  ].join('');

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(sha256(PAGE_SCRIPT), sha256(css)))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${meta}
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body data-layout="${layout}" data-total="${deck.slides.length}" data-deck="${deckId(deck)}"${duration}>
<main class="deck" id="deck">
${boxes}
</main>
${layout === 'present' ? SPEAKER + BLANK + HELP : ''}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** A name for the deck that its windows share (and other decks' do not): a hash of its file and title. */
function deckId(deck: Deck): string {
  return createHash('sha256').update(`${deck.file}\u0000${deck.meta.title}\u0000${deck.slides.length}`).digest('hex').slice(0, 16);
}

/** Some of the deck's text, enough to guess its language for font selection. */
function deckText(deck: Deck): string {
  return deck.slides
    .slice(0, 10)
    .map((s) => s.title)
    .join(' ');
}
