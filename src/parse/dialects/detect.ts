import { Rewrite } from './lines.js';
import type { DialectName } from './types.js';

/** Which dialect a deck is written in, and why that one was picked. */
export interface DialectGuess {
  dialect: DialectName;
  reason: string;
}

/** Directives only talkdeck has: a deck using one is talkdeck's own. */
const TALKDECK_ONLY = /^[ \t]*<!--[ \t]*(?:notes|source|columns|time)[ \t]*:/u;

/**
 * Comment commands only presenterm has. talkdeck reads presenterm's shared names too (`pause`,
 * `column`, `reset_layout`, `alignment`, …), so those decide nothing either way.
 */
const PRESENTERM_ONLY = /^[ \t]*<!--[ \t]*(?:font_size|list_item_newlines|snippet_output|incremental_tables)\b/u;

/**
 * presenterm's way of ending slides and writing notes, which talkdeck reads too: evidence for
 * presenterm only in a deck that ends more slides with `<!-- end_slide -->` than with `---` after a
 * blank line (which presenterm draws as a rule).
 */
const PRESENTERM_SHARED = /^[ \t]*<!--[ \t]*(?:end_slide|speaker_note|column_layout|newlines?)\b/u;

/** remark's slide properties, at the top of a slide. */
const REMARK_PROPERTY = /^(?:name|class|layout|template|background-image|count|exclude|seq)[ \t]*:/u;

/** Markers on a line of their own (outside code), strongest first. */
const MARKERS: { pattern: RegExp; dialect: DialectName; reason: string }[] = [
  { pattern: /^\?\?\?[ \t]*$/u, dialect: 'remark', reason: '`???` speaker notes (remark)' },
  { pattern: /^Note:/u, dialect: 'reveal-md', reason: '`Note:` speaker notes (reveal-md)' },
  { pattern: /^[ \t]*<!--[ \t]*stop[ \t]*-->[ \t]*$/u, dialect: 'lookatme', reason: '`<!-- stop -->` pause (lookatme)' },
  { pattern: /^\.[ \t]+\.[ \t]+\.[ \t]*$/u, dialect: 'patat', reason: '`. . .` pause (patat)' },
  { pattern: /^----[ \t]*$/u, dialect: 'reveal-md', reason: '`----` vertical slide break (reveal-md)' },
];

/**
 * The last guess, for the same text guessed again: the presenter outlines a deck and then parses
 * it, and the guess reads every line (a tenth of a second for a 5,000-slide deck).
 */
let lastGuess: { text: string; guess: DialectGuess } | null = null;

/**
 * Guesses the presenter a deck was written for, from its front matter and markers outside
 * code. Decks with talkdeck-only directives, or with no marker at all, are talkdeck's.
 */
export function detectDialect(text: string): DialectGuess {
  if (lastGuess !== null && typeof text === 'string' && lastGuess.text === text) return { ...lastGuess.guess };
  const guess = guessDialect(text);
  if (typeof text === 'string') lastGuess = { text, guess: { ...guess } };
  return guess;
}

function guessDialect(text: string): DialectGuess {
  const lines = String(text ?? '').replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
  if (/^%(?:title|author|date):/u.test(lines[0] ?? '')) return { dialect: 'mdp', reason: `line 1 is an mdp header (${lines[0]?.split(':')[0] ?? ''}:)` };
  const r = new Rewrite(lines);
  const front = decidingFrontMatter(r);
  if (front.marp === true) return { dialect: 'marp', reason: 'front matter has `marp: true`' };
  if ('patat' in front) return { dialect: 'patat', reason: 'front matter has a `patat:` block' };
  if ('revealOptions' in front) return { dialect: 'reveal-md', reason: 'front matter has `revealOptions:`' };
  if ('paging' in front) return { dialect: 'slides', reason: 'front matter has `paging:` (slides)' };
  if ('styles' in front || 'extensions' in front) return { dialect: 'lookatme', reason: 'front matter has lookatme `styles:`/`extensions:`' };
  if ('options' in front && typeof front.options === 'object') return { dialect: 'presenterm', reason: 'front matter has presenterm `options:`' };
  const marpKey = ['headingDivider', 'paginate', 'backgroundColor', 'backgroundImage', 'size', 'math', 'class', 'header', 'footer'].find((key) => key in front);
  if (marpKey !== undefined) return { dialect: 'marp', reason: `front matter has the Marp directive \`${marpKey}:\`` };
  const theme = front.theme !== null && typeof front.theme === 'object' ? (front.theme as Record<string, unknown>) : {};
  const presentermKey = 'location' in front ? 'location' : 'override' in theme || 'path' in theme ? `theme.${'override' in theme ? 'override' : 'path'}` : undefined;
  if (presentermKey !== undefined) return { dialect: 'presenterm', reason: `front matter has presenterm's \`${presentermKey}:\`` };
  if (['separator', 'verticalSeparator', 'highlightTheme'].some((key) => key in front)) return { dialect: 'reveal-md', reason: 'front matter has reveal-md options (`separator`, `verticalSeparator`, `highlightTheme`)' };
  // The most specific evidence wins: directives only one of talkdeck and presenterm has.
  const talkdeckAt = lines.findIndex((l, i) => r.isText(i) && TALKDECK_ONLY.test(l));
  let presentermAt = lines.findIndex((l, i) => r.isText(i) && PRESENTERM_ONLY.test(l));
  if (presentermAt < 0 && endSlides(lines, r) > ruleBreaks(lines, r)) presentermAt = lines.findIndex((l, i) => r.isText(i) && PRESENTERM_SHARED.test(l));
  if (talkdeckAt >= 0 && presentermAt < 0) return { dialect: 'talkdeck', reason: `line ${talkdeckAt + 1} has a talkdeck directive` };
  if (presentermAt >= 0 && talkdeckAt < 0) return { dialect: 'presenterm', reason: `line ${presentermAt + 1}: presenterm comment command \`${/<!--[ \t]*([a-z_]+)/u.exec(lines[presentermAt] ?? '')?.[1] ?? ''}\`${PRESENTERM_ONLY.test(lines[presentermAt] ?? '') ? '' : ', and more slides end with `<!-- end_slide -->` than with `---`'}` };
  if (presentermAt >= 0) return { dialect: 'talkdeck', reason: `line ${talkdeckAt + 1} has a talkdeck directive (talkdeck also reads presenterm's, as on line ${presentermAt + 1})` };
  for (const marker of MARKERS) {
    const at = lines.findIndex((l, i) => r.isText(i) && marker.pattern.test(l));
    if (at >= 0) return { dialect: marker.dialect, reason: `line ${at + 1}: ${marker.reason}` };
  }
  const propertyAt = remarkProperties(lines, r);
  if (propertyAt >= 0) return { dialect: 'remark', reason: `line ${propertyAt + 1}: remark slide properties (\`${lines[propertyAt]?.split(':')[0] ?? ''}:\`) at the top of a slide` };
  return { dialect: 'talkdeck', reason: 'no other presenter\'s markers found' };
}

/** The front matter keys that say which presenter a deck was written for (see detectDialect). */
export const DECIDING_KEYS = new Set([
  'marp', 'patat', 'revealOptions', 'paging', 'styles', 'extensions', 'options', 'location', 'separator', 'verticalSeparator', 'highlightTheme',
  'headingDivider', 'paginate', 'backgroundColor', 'backgroundImage', 'size', 'math', 'class', 'header', 'footer',
]);
/** A top-level `key:` of plain YAML, and what follows it on its line. */
const PLAIN_KEY = /^([A-Za-z_$][\w$.-]*)[ \t]*:(?:[ \t]+(.*))?$/u;

/**
 * The front matter as detectDialect needs it. Most decks' front matter holds only keys that decide
 * nothing (title, author, a theme's name); when every top-level line is a plain `key:` line and
 * none of them is a deciding key (nor a theme written as a map), the YAML parser (costly the first
 * time, and on the presenter's start path) is not needed: none of its answers could differ.
 */
export function decidingFrontMatter(r: Rewrite): Record<string, unknown> {
  if (r.frontEnd < 0) return {};
  /** The indentation of the value of the last key written with nothing after its colon, or null. */
  let nested: number | null = null;
  let open = false;
  for (let i = 1; i < r.frontEnd; i++) {
    const line = r.lines[i] ?? '';
    if (/^[ \t]*(?:#.*)?$/u.test(line)) continue;
    const indent = /^ */u.exec(line)?.[0].length ?? 0;
    if (indent > 0 && open && !line.startsWith(' \t') && (nested === null || indent >= nested)) {
      nested ??= indent;
      continue;
    }
    const key = PLAIN_KEY.exec(line);
    if (!key) return r.frontMatter();
    const [, name = '', value = ''] = key;
    if (DECIDING_KEYS.has(name)) return r.frontMatter();
    if (name === 'theme' && !/^[\w./-]+[ \t]*(?:#.*)?$/u.test(value)) return r.frontMatter();
    // Only a key with nothing after its colon (or a block scalar's `|` or `>`) is followed by indented lines.
    open = /^(?:[|>][-+]?[ \t]*(?:#.*)?)?$/u.test(value);
    nested = null;
  }
  return {};
}

/**
 * The first line of remark slide properties: `key: value` lines that open a slide (the deck's
 * first line, or right after a `---`), at least one of them `layout`, `template`, `name` or
 * `class` with a `---` somewhere in the deck; -1 without.
 */
function remarkProperties(lines: readonly string[], r: Rewrite): number {
  if (!lines.some((l, i) => r.isText(i) && /^---$/u.test(l))) return -1;
  for (let i = r.frontEnd + 1; i < lines.length; i++) {
    const opens = i === r.frontEnd + 1 || lines[i - 1] === '---';
    if (!opens || !r.isText(i)) continue;
    let j = i;
    while (j < lines.length && REMARK_PROPERTY.test(lines[j] ?? '')) j++;
    if (j > i && lines.slice(i, j).some((l) => /^(?:layout|template|name|class)[ \t]*:/u.test(l))) return i;
  }
  return -1;
}

/** How many `---` lines after a blank line (slide breaks to talkdeck, rules to presenterm) the deck has. */
function ruleBreaks(lines: readonly string[], r: Rewrite): number {
  return lines.filter((l, i) => r.isText(i) && /^---[ \t]*$/u.test(l) && (lines[i - 1] ?? '').trim() === '').length;
}

/** How many slides end with `<!-- end_slide -->`. */
function endSlides(lines: readonly string[], r: Rewrite): number {
  return lines.filter((l, i) => r.isText(i) && /^[ \t]*<!--[ \t]*end_slide[ \t]*-->/u.test(l)).length;
}
