import type { BlockKind, Deck, InlineKind, Slide } from '../deck/index.js';

/**
 * The shape of a Deck, for data read back from the start cache: a cache entry is a file someone
 * else may have written, so a value of the wrong shape is a miss, never a crash deep in layout.
 *
 * Checked by hand rather than with a schema library: a 5,000-slide deck is checked in a few
 * milliseconds here, where zod took longer than JSON.parse itself (~0.5 s), on the path to the
 * presenter's first key. One check per kind, in tables whose types name every kind of the model,
 * so a kind added there does not compile until it is added here.
 */

type Value = Record<string, unknown>;
type Check = (value: Value) => boolean;

const isObject = (value: unknown): value is Value => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const isCount = (value: unknown): value is number => isInt(value) && value >= 0;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isArrayOf = (value: unknown, check: (item: unknown) => boolean): boolean => Array.isArray(value) && value.every(check);
const isAlignment = (value: unknown) => value === 'left' || value === 'center' || value === 'right';

const INLINES: { readonly [K in InlineKind]: Check } = {
  text: (v) => isString(v.text),
  strong: (v) => isArrayOf(v.children, isInline),
  emphasis: (v) => isArrayOf(v.children, isInline),
  strike: (v) => isArrayOf(v.children, isInline),
  code: (v) => isString(v.text),
  link: (v) => isString(v.href) && isArrayOf(v.children, isInline),
  image: (v) => isString(v.src) && isString(v.alt) && (v.size === undefined || (isObject(v.size) && isNumber(v.size.widthPercent))),
  break: () => true,
};

function isInline(value: unknown): boolean {
  return isObject(value) && isString(value.kind) && Object.hasOwn(INLINES, value.kind) && INLINES[value.kind as InlineKind](value);
}

const isInlines = (value: unknown) => isArrayOf(value, isInline);
const isBlocks = (value: unknown) => isArrayOf(value, isBlock);

const BLOCKS: { readonly [K in BlockKind]: Check } = {
  heading: (v) => isInt(v.level) && v.level >= 1 && v.level <= 6 && isInlines(v.children),
  paragraph: (v) => isInlines(v.children),
  list: (v) => isBoolean(v.ordered) && isInt(v.start) && isArrayOf(v.items, (item) => isObject(item) && (item.task === null || isBoolean(item.task)) && isCount(item.step) && isBlocks(item.blocks)),
  quote: (v) => isBlocks(v.blocks),
  alert: (v) => ['note', 'tip', 'important', 'warning', 'caution'].includes(v.alert as string) && isBlocks(v.blocks),
  table: (v) =>
    isArrayOf(v.cellAlign, (a) => a === null || isAlignment(a)) && isArrayOf(v.header, isInlines) && isArrayOf(v.rows, (row) => isArrayOf(row, isInlines)),
  code: (v) =>
    isString(v.lang) &&
    isString(v.text) &&
    isBoolean(v.lineNumbers) &&
    isArrayOf(v.highlight, (r) => isObject(r) && isInt(r.from) && isInt(r.to)) &&
    (v.exec === undefined ||
      (isObject(v.exec) &&
        ['exec', 'auto', 'replace'].includes(v.exec.mode as string) &&
        (v.exec.executor === null || isString(v.exec.executor)) &&
        isString(v.exec.code) &&
        (v.exec.expected === null || (isObject(v.exec.expected) && isString(v.exec.expected.fingerprint) && isString(v.exec.expected.text) && isInt(v.exec.expected.line))))),
  rule: () => true,
  image: (v) => isString(v.src) && isString(v.alt) && (v.size === undefined || (isObject(v.size) && isNumber(v.size.widthPercent))),
  html: (v) => isString(v.text),
  columns: (v) => isArrayOf(v.widths, isNumber) && isArrayOf(v.columns, isBlocks),
  spacer: (v) => isCount(v.lines),
  middle: () => true,
};

function isBlock(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.kind) &&
    Object.hasOwn(BLOCKS, value.kind) &&
    isCount(value.step) &&
    isAlignment(value.align) &&
    isInt(value.line) &&
    BLOCKS[value.kind as BlockKind](value)
  );
}

const isLocation = (v: Value) => isString(v.file) && isInt(v.line) && isInt(v.column);

function isSlide(value: unknown): boolean {
  return (
    isObject(value) &&
    isInt(value.index) &&
    isString(value.title) &&
    isBlocks(value.blocks) &&
    isInt(value.steps) &&
    value.steps >= 1 &&
    isString(value.notes) &&
    isBlocks(value.notesBlocks) &&
    isArrayOf(value.sources, (s) => isObject(s) && isString(s.path) && isInt(s.startLine) && isInt(s.endLine) && isString(s.quote) && isString(s.fingerprint) && isInt(s.line)) &&
    isObject(value.layout) &&
    isBoolean(value.layout.footer) &&
    (value.timeMs === null || isNumber(value.timeMs)) &&
    isObject(value.location) &&
    isLocation(value.location)
  );
}

function isDeck(value: unknown): value is Deck {
  if (!isObject(value) || !isString(value.file) || !isObject(value.meta)) return false;
  const meta = value.meta;
  return (
    ['title', 'subtitle', 'author', 'date', 'event', 'theme'].every((key) => isString(meta[key])) &&
    (meta.durationMs === null || isNumber(meta.durationMs)) &&
    isBoolean(meta.incrementalLists) &&
    isObject(meta.extra) &&
    // Theme fields, checked again by the theme loader as any theme file's are.
    (meta.themeOverride === undefined || isObject(meta.themeOverride)) &&
    isArrayOf(value.slides, isSlide) &&
    isArrayOf(value.diagnostics, (d) => isObject(d) && isLocation(d) && ['error', 'warning', 'info'].includes(d.severity as string) && isString(d.message))
  );
}

/**
 * A deck as read from disk and kept: the deck, the dialect it was read as and why, its files, and
 * the key of each slide (parse/'s `keySlides`), by which a parse of the deck once edited takes the
 * slides that did not change.
 */
export interface KeptDeck {
  deck: Deck;
  dialect: string;
  reason: string;
  files: string[];
  slideKeys?: string[];
}

/** The value as a KeptDeck, or undefined when it has any other shape. */
export function asKeptDeck(value: unknown): KeptDeck | undefined {
  if (!isObject(value) || !isString(value.dialect) || !isString(value.reason) || !isArrayOf(value.files, isString) || !isDeck(value.deck)) return undefined;
  if (value.slideKeys !== undefined && !(isArrayOf(value.slideKeys, isString) && (value.slideKeys as string[]).length === (value.deck.slides as unknown[]).length)) return undefined;
  return value as unknown as KeptDeck;
}

/**
 * The slides of a kept deck whose files have changed since, by their keys, for a parse of the
 * deck as it is now to take instead of building them (parse/'s `reuse`). Each slide is checked
 * for a slide's shape, and one that fails is left out (built afresh); any other shape gives none.
 */
export function keptSlides(value: unknown): Map<string, Slide> {
  const slides = new Map<string, Slide>();
  if (!isObject(value) || !isObject(value.deck) || !Array.isArray(value.deck.slides) || !Array.isArray(value.slideKeys)) return slides;
  const kept = value.deck.slides as unknown[];
  const keys = value.slideKeys as unknown[];
  if (keys.length !== kept.length) return slides;
  keys.forEach((key, i) => {
    if (isString(key) && key !== '' && !slides.has(key) && isSlide(kept[i])) slides.set(key, kept[i] as Slide);
  });
  return slides;
}
