import * as crypto from 'node:crypto';
import type { Deck, Diagnostic, Slide } from '../deck/index.js';
import { emptyMeta, readFrontMatter } from './front-matter.js';
import { collectLinkDefinitions, type LinkDefinitions } from './markdown.js';
import { frontMatterEnd, scanDeck, type IncludeReader, type RawSlide } from './scan.js';
import { buildSlide } from './slide-builder.js';
import { SourceChecker, type SourceReader } from './source-check.js';
import { DiagnosticSink } from './source-line.js';
import { cutLongLines, longLineMessage } from './long-lines.js';
import { DIALECT_NAMES, applySlidePlan, detectDialect, normalizeDialect, type DialectName, type Normalized } from './dialects/index.js';

export type { IncludeReader } from './scan.js';
export type { SourceReader } from './source-check.js';

export interface ParseDeckOptions {
  /** The deck's file name, used in diagnostics and slide locations. */
  file: string;
  /**
   * Reads `<!-- include: path -->` targets, `path` as written and relative to `fromFile`. Without
   * it, includes are diagnostics.
   */
  readInclude?: IncludeReader;
  /** Overrides the front matter's `incremental_lists` default. */
  incrementalLists?: boolean;
  /**
   * Incremental lists start with no item shown, the first item being a step of its own, as
   * pandoc and patat show them; by default the first item shows with what comes before it.
   */
  listsRevealFirstItem?: boolean;
  /**
   * Reads cited articles (paths relative to the deck file) so that `<!-- source: -->` lines and
   * quotes are checked against them. Without it only the fingerprint is checked.
   */
  readSource?: SourceReader;
  /**
   * The presenter the deck was written for; `auto` (the default) detects it. Other dialects are
   * rewritten line for line into talkdeck's format before parsing. Included files are talkdeck's.
   */
  dialect?: DialectName | 'auto';
  /**
   * Build only the first presented slide and count the others, which are left as empty
   * placeholders: enough to draw the first frame of a big deck (its slide, the title and `1 / N`)
   * long before the whole deck is parsed. Diagnostics are then incomplete; parse again in full.
   */
  headOnly?: boolean;
  /**
   * Also give each slide's key (DialectDeck.slideKeys): what a later parse of an edited deck
   * matches its own slides against, to take them from `reuse` instead of building them again.
   */
  keySlides?: boolean;
  /**
   * Slides of an earlier parse of this deck, by their keys (see `keySlides`): a slide whose key is
   * here is taken from it, moved to its new lines, instead of being built again (implies
   * `keySlides`). Untrusted data must be shape-checked before it is handed in.
   */
  reuse?: KeptSlides;
}

/** Slides of an earlier parse, by the keys `keySlides` gave them. */
export type KeptSlides = ReadonlyMap<string, Slide>;

/** A parsed deck with the dialect it was read as and why that one was picked. */
export interface DialectDeck {
  deck: Deck;
  dialect: DialectName;
  reason: string;
  /**
   * With `keySlides`: for each of `deck.slides`, the key of what it was built from, or '' when it
   * may not be reused (its build said something, or a dialect moved slides). Absent when no slide
   * may be reused.
   */
  slideKeys?: string[];
}

/** Text as the parser reads it: without a byte-order mark, with `\n` line ends. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
}

function sortDiagnostics(diagnostics: Diagnostic[], mainFile: string): Diagnostic[] {
  const fileOrder = (d: Diagnostic) => (d.file === mainFile ? 0 : 1);
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => fileOrder(a.d) - fileOrder(b.d) || (a.d.file < b.d.file ? -1 : a.d.file > b.d.file ? 1 : 0) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map(({ d }) => d);
}

/** A slide counted but not built (see `headOnly`). */
function placeholder(index: number, raw: RawSlide, file: string): Slide {
  const location = raw.start ?? { file, line: 1, column: 1 };
  return { index, title: '', blocks: [], steps: 1, notes: '', notesBlocks: [], sources: [], layout: { footer: true }, timeMs: null, location };
}

/** SHA-256 in base64url: one call where Node has it (20.12 on), a third of the time of a Hash object for a slide. */
const sha256: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => (crypto as unknown as { hash(algorithm: string, data: string, encoding: string): string }).hash('sha256', text, 'base64url')
    : (text) => crypto.createHash('sha256').update(text).digest('base64url');

/**
 * What a slide is made of, as a key: its raw items (Markdown lines and directives, where they came
 * from) and what the whole deck lends every slide (`context`). Lines count from the slide's first
 * line, so a slide moved by an edit above it keeps its key; a slide that mixes files (an include)
 * keeps its absolute lines, as an edit of the deck would not move the included ones.
 */
function slideKey(raw: RawSlide, context: string): string {
  const start = raw.start ?? { file: '', line: 0, column: 0 };
  const mixed = raw.items.some((item) => (item.kind === 'markdown' ? item.lines.some((l) => l.file !== start.file) : item.at.file !== start.file));
  const base = mixed ? 0 : start.line;
  const relative = (key: string, value: unknown) => (key === 'line' && typeof value === 'number' ? value - base : value);
  // Every string is written with its length first, so no two slides write the same text.
  const fileOf = (file: string) => (file === start.file ? '' : `${file.length}:${file}`);
  let text = `${context.length}:${context}${mixed ? 'A' : 'R'}${start.file.length}:${start.file}|${start.line - base}|${start.column}`;
  for (const item of raw.items) {
    if (item.kind === 'markdown') {
      text += '\nM';
      for (const l of item.lines) text += `\n${fileOf(l.file)}|${l.line - base}|${l.column}|${l.text.length}:${l.text}`;
    } else {
      // Of the directives, only a citation holds a line of the deck (a line left absolute in a key
      // would only make the slide miss once moved).
      const directive = item.directive.kind === 'source' ? JSON.stringify(item.directive, relative) : JSON.stringify(item.directive);
      text += `\nD${fileOf(item.at.file)}|${item.at.line - base}|${item.at.column}|${directive.length}:${directive}`;
    }
  }
  return sha256(text);
}

/**
 * A kept slide moved `delta` lines down its file: a copy, every `line` in it moved (in a Slide,
 * every field named `line` is a line of the slide's own file; article lines are `startLine` and
 * `endLine`, code lines `from` and `to`).
 */
function moved<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => moved(item, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = key === 'line' && typeof inner === 'number' ? inner + delta : moved(inner, delta);
  return out as T;
}

function parse(text: string, options: ParseDeckOptions, sink: DiagnosticSink, keys?: string[]): Deck {
  const { file } = options;
  const lines = normalizeText(text).split('\n');
  let start = 0;
  let meta = emptyMeta();
  const end = frontMatterEnd(lines);
  if (end !== null) {
    meta = readFrontMatter(lines.slice(1, end).join('\n'), file, 2, sink);
    start = end + 1;
  } else if (/^---[ \t]*$/u.test(lines[0] ?? '') && lines.length > 1) {
    sink.error({ file, line: 1, column: 1 }, 'front matter is never closed: add a `---` line after it');
    start = 1;
  }
  meta.incrementalLists = options.incrementalLists ?? meta.incrementalLists;

  const raws = scanDeck(lines, file, start, sink, options.readInclude);

  // Link reference definitions hold for the whole deck, as in one Markdown document.
  const links: LinkDefinitions = {};
  for (const raw of raws) {
    for (const item of raw.items) {
      // A definition (`[name]: url`) needs a `[`: most runs are told without joining their lines.
      if (item.kind === 'markdown' && item.lines.some((l) => l.text.includes('['))) collectLinkDefinitions(item.lines.map((l) => l.text).join('\n'), links);
    }
  }

  const slides: Slide[] = [];
  const sourceChecker = new SourceChecker(sink, options.readSource);
  const revealFirstItem = options.listsRevealFirstItem === true;
  // Articles checked against citations add warnings a kept slide would not repeat: built afresh.
  const reuse = options.headOnly || options.readSource ? undefined : options.reuse;
  const context = keys ? JSON.stringify({ slideKey: 1, incrementalLists: meta.incrementalLists, revealFirstItem, links }) : '';
  const used = new Set<Slide>();
  for (const raw of raws) {
    if (options.headOnly && slides.length > 0) {
      if (!raw.items.some((item) => item.kind === 'directive' && item.directive.kind === 'skipSlide')) slides.push(placeholder(slides.length + 1, raw, file));
      continue;
    }
    const key = keys && raw.start ? slideKey(raw, context) : '';
    const kept = key === '' ? undefined : reuse?.get(key);
    if (kept !== undefined && raw.start) {
      // Only slides whose build said nothing are kept, and a skipped slide is never in a deck.
      const delta = raw.start.line - kept.location.line;
      slides.push({ ...(delta === 0 && !used.has(kept) ? kept : moved(kept, delta)), index: slides.length + 1 });
      used.add(kept);
      keys?.push(key);
      continue;
    }
    const said = sink.diagnostics.length;
    const built = buildSlide(raw, sink, links, sourceChecker, meta.incrementalLists, revealFirstItem);
    if (built.skip) continue;
    slides.push({ ...built.slide, index: slides.length + 1 });
    keys?.push(sink.diagnostics.length === said ? key : '');
  }
  if (slides.length === 0) sink.warning({ file, line: 1, column: 1 }, 'the deck has no slides');
  return { file, meta, slides, diagnostics: [] };
}

/**
 * Parses deck Markdown into a Deck. Pure: files are read only through `readInclude`. Never
 * throws: every problem is a located diagnostic on the result. Decks of other presenters are
 * read too (see `dialect`); `parseDeckWithDialect` also says which dialect was picked.
 */
export function parseDeck(text: string, options: ParseDeckOptions): Deck {
  return parseDeckWithDialect(text, options).deck;
}

/** Parses a deck like `parseDeck` and reports the dialect it was read as, and why. */
export function parseDeckWithDialect(text: string, options: ParseDeckOptions): DialectDeck {
  const { text: source, long } = cutLongLines(typeof text === 'string' ? text : String(text ?? ''));
  if (long.length === 0) return parseCut(source, options);
  const read = parseCut(source, options);
  const file = read.deck.file;
  const found: Diagnostic[] = long.map(({ line, length }) => ({ file, line, column: 1, severity: 'error', message: longLineMessage(length) }));
  return { ...read, deck: { ...read.deck, diagnostics: sortDiagnostics([...found, ...read.deck.diagnostics], file) } };
}

/** parseDeckWithDialect, once over-long lines are cut. */
function parseCut(source: string, options: ParseDeckOptions): DialectDeck {
  const wanted: unknown = options?.dialect ?? 'auto';
  // Keys only for a whole deck: a head-only parse leaves most slides unbuilt.
  const keys = (options?.keySlides === true || options?.reuse !== undefined) && options.headOnly !== true ? [] : undefined;
  const read = (dialect: DialectName, reason: string, parsed: { deck: Deck; keyed: boolean }): DialectDeck => ({ deck: parsed.deck, dialect, reason, ...(keys && parsed.keyed ? { slideKeys: keys } : {}) });
  if (wanted === 'auto') {
    const guess = detectDialect(source);
    return read(guess.dialect, guess.reason, parseAs(guess.dialect, source, options, keys));
  }
  if (typeof wanted === 'string' && (DIALECT_NAMES as readonly string[]).includes(wanted)) {
    const dialect = wanted as DialectName;
    return read(dialect, 'asked for by the caller', parseAs(dialect, source, options, keys));
  }
  const deck = parseTalkdeck(source, options);
  const file = deck.file;
  const message = `unknown dialect ${JSON.stringify(wanted)}; read as talkdeck (known: ${DIALECT_NAMES.join(', ')})`;
  return { dialect: 'talkdeck', reason: message, deck: { ...deck, diagnostics: sortDiagnostics([{ file, line: 1, column: 1, severity: 'error', message }, ...deck.diagnostics], file) } };
}

/**
 * Rewrites a dialect deck into talkdeck's format, parses it, and adds the rewrite's notes; `keyed`
 * when `keys` holds a key for each of its slides.
 */
function parseAs(dialect: DialectName, source: string, options: ParseDeckOptions, keys?: string[]): { deck: Deck; keyed: boolean } {
  if (dialect === 'talkdeck') return { deck: parseTalkdeck(source, options, keys), keyed: true };
  const file = typeof options?.file === 'string' ? options.file : '<deck>';
  const lines = normalizeText(source).split('\n');
  let normalized: Normalized;
  try {
    normalized = normalizeDialect(dialect, lines);
    if (normalized.lines.length !== lines.length) throw new Error(`the ${dialect} rewrite changed the number of lines`);
  } catch (error) {
    const deck = parseTalkdeck(source, options);
    const message = `internal error while reading the ${dialect} dialect: ${(error as Error)?.message ?? String(error)}; read as talkdeck`;
    return { deck: { ...deck, diagnostics: sortDiagnostics([{ file, line: 1, column: 1, severity: 'error', message }, ...deck.diagnostics], file) }, keyed: false };
  }
  const deckOptions: ParseDeckOptions = { ...options, file };
  if (options?.incrementalLists === undefined && normalized.incrementalLists !== undefined) deckOptions.incrementalLists = normalized.incrementalLists;
  if (normalized.listsRevealFirstItem === true) deckOptions.listsRevealFirstItem = true;
  // A slide plan moves content between slides (remark's templates): every slide is needed.
  if (normalized.slidePlan) deckOptions.headOnly = false;
  const deck = parseTalkdeck(normalized.lines.join('\n'), deckOptions, keys);
  const meta = { ...deck.meta };
  for (const key of ['title', 'author', 'date'] as const) {
    const value = normalized.meta[key];
    if (value !== undefined && meta[key] === '') meta[key] = value;
  }
  const notes: Diagnostic[] = normalized.notes.map((n) => ({ file, line: n.line, column: n.column, severity: n.severity, message: n.message }));
  // With headOnly the intro slide is the first one shown, and the deck's own first a placeholder.
  const own = normalized.introSlide && options.headOnly === true ? deck.slides.map((slide) => ({ ...slide, title: '', blocks: [] })) : deck.slides;
  let planned = normalized.slidePlan ? applySlidePlan(deck.slides, normalized.slidePlan, file) : deck.slides;
  if (normalized.slidePlan && options.headOnly === true) {
    // Parsed in full for the plan; the slides after the first are handed out as placeholders all the same.
    planned = planned.map((slide, i) => (i === 0 ? slide : { ...slide, title: '', blocks: [], steps: 1, notes: '', notesBlocks: [], sources: [], layout: { footer: true }, timeMs: null }));
  }
  const slides = normalized.introSlide ? withIntroSlide(own, meta, file, options) : planned;
  // An intro slide or a slide plan moves slides away from what they were built from: no keys.
  const keyed = !normalized.introSlide && !normalized.slidePlan;
  return { deck: { ...deck, meta, slides, diagnostics: sortDiagnostics([...deck.diagnostics, ...notes], file) }, keyed };
}

/**
 * Puts an intro slide before `slides`, as presenterm does for a front matter with a title,
 * subtitle, event, location, date or author: the title as a heading (it may hold Markdown), the
 * rest as centred lines below it. The slide points at the front matter's first line.
 */
function withIntroSlide(slides: readonly Slide[], meta: Deck['meta'], file: string, options: ParseDeckOptions): Slide[] {
  const line = (text: string) => text.replace(/\s*\n\s*/gu, ' ').trim();
  const location = typeof meta.extra.location === 'string' ? meta.extra.location : '';
  const parts = [meta.title !== '' ? `# ${line(meta.title)}` : '', line(meta.subtitle), line(meta.event), line(location), line(meta.date), line(meta.author)].filter((part) => part !== '');
  const text = ['<!-- jump_to_middle -->', '<!-- alignment: center -->', ...parts.flatMap((part) => [part, ''])].join('\n');
  const intro = parseTalkdeck(text, { file, ...(options.incrementalLists === undefined ? {} : { incrementalLists: false }) }).slides[0];
  if (intro === undefined) return [...slides];
  const at = { file, line: 1, column: 1 };
  const fixLines = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fixLines);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'line' ? 1 : fixLines(v)]));
    return value;
  };
  const first: Slide = { ...intro, index: 1, blocks: fixLines(intro.blocks) as Slide['blocks'], location: at };
  return [first, ...slides.map((slide, i) => ({ ...slide, index: i + 2 }))];
}

/** talkdeck's own format, exactly as before dialects existed; `keys` receives each slide's key. */
function parseTalkdeck(text: string, options: ParseDeckOptions, keys?: string[]): Deck {
  const sink = new DiagnosticSink();
  const file = typeof options?.file === 'string' ? options.file : '<deck>';
  let deck: Deck;
  try {
    deck = parse(typeof text === 'string' ? text : String(text ?? ''), { ...options, file }, sink, keys);
  } catch (error) {
    keys?.splice(0);
    // A bug, not a problem with the deck; still a diagnostic, so callers never see a throw.
    sink.error({ file, line: 1, column: 1 }, `internal error while parsing: ${(error as Error)?.message ?? String(error)}`);
    deck = { file, meta: emptyMeta(), slides: [], diagnostics: [] };
  }
  return { ...deck, diagnostics: sortDiagnostics(sink.diagnostics, file) };
}
