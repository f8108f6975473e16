import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { openDeckFolder, readRegularText } from '../io/index.js';
import { DIALECT_NAMES, detectDialect, normalizeDialect, type DialectName } from './dialects/index.js';
import { frontMatterEnd, scanDeck, type IncludeReader, type RawSlide } from './scan.js';
import { DiagnosticSink } from './source-line.js';
import { YamlNotLoaded, loadYaml } from './yaml.js';

/**
 * What the first slide of a deck is made from, read without the Markdown parser: the deck split
 * into slides (its dialect rewritten, includes spliced in, directives read) as the full parse
 * splits it, and a key that changes whenever anything that shapes the first shown slide, the deck's
 * title or its slide count changes. A speaker edits a later slide between rehearsals: the key of
 * the first slide stays, so its frame, kept from the last launch, can be painted before the
 * parser, the layout and the theme are even loaded.
 */
export interface DeckOutline {
  /** SHA-256 over everything the first shown slide, the deck's meta and the count are made from. */
  key: string;
  /** Slides shown (`<!-- skip_slide -->` ones left out), as the full parse counts them. */
  slideCount: number;
  /** The deck file and every file it included. */
  files: string[];
}

export interface OutlineOptions {
  allowOutside?: boolean;
  dialect?: DialectName | 'auto';
}

const DEF_LINE = /^ {0,3}\[[^\]\n]+\]:/mu;

const isSkipped = (raw: RawSlide) => raw.items.some((item) => item.kind === 'directive' && item.directive.kind === 'skipSlide');

/**
 * The outline of the deck at `path`, or null when the deck cannot be outlined exactly without the
 * full parse: it cannot be read, the split finds an error, a dialect moves content between slides
 * (remark's templates) or adds a slide of its own (presenterm's intro slide). The YAML parser is
 * loaded only for a deck that needs it (a dialect's front matter, notes as a YAML block). Never throws.
 */
export async function outlineDeck(path: string, options: OutlineOptions = {}): Promise<DeckOutline | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return outline(path, options);
    } catch (error) {
      if (!(error instanceof YamlNotLoaded) || attempt > 0) return null;
      await loadYaml();
    }
  }
  return null;
}

function outline(path: string, options: OutlineOptions): DeckOutline | null {
  let source: string;
  try {
    // Through io's confined reader, as the full parse reads it: any problem is left to that parse to say.
    source = readRegularText(path, 'deck');
  } catch {
    return null;
  }
  const wanted = options.dialect ?? 'auto';
  if (wanted !== 'auto' && !(DIALECT_NAMES as readonly string[]).includes(wanted)) return null;
  const dialect = wanted === 'auto' ? detectDialect(source).dialect : wanted;
  const original = source.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
  const normalized = normalizeDialect(dialect, original);
  if (normalized.lines.length !== original.length || normalized.introSlide || normalized.slidePlan) return null;
  const lines = normalized.lines;

  let start = 0;
  let frontMatter = '';
  const end = frontMatterEnd(lines);
  if (end !== null) {
    frontMatter = lines.slice(1, end).join('\n');
    start = end + 1;
  } else if (/^---[ \t]*$/u.test(lines[0] ?? '') && lines.length > 1) {
    return null;
  }

  // Includes as the full parse reads them (load.ts): relative to the including file, through the deck's folder.
  const folder = openDeckFolder(dirname(path), { allowOutside: options.allowOutside });
  const files = [resolve(path)];
  const readInclude: IncludeReader = (includePath, fromFile) => {
    const target = normalize(isAbsolute(includePath) ? includePath : join(dirname(fromFile), includePath));
    if (!folder.contains(resolve(target))) return { error: 'outside' };
    files.push(resolve(target));
    try {
      return { file: target, text: folder.readText(resolve(target), 'include', includePath) };
    } catch {
      return { error: 'unreadable' };
    }
  };
  const sink = new DiagnosticSink();
  // Handed on to the parse that follows (the presenter's), which then need not scan again.
  const raws = scanDeck(lines, path, start, sink, readInclude, true);
  if (sink.diagnostics.some((d) => d.severity === 'error')) return null;
  const shown = raws.filter((raw) => !isSkipped(raw));
  const first = shown[0];
  if (first === undefined) return null;

  // Link reference definitions hold for the whole deck: every run of Markdown that may hold one.
  const definitions: string[] = [];
  for (const raw of raws) {
    for (const item of raw.items) {
      // A definition needs a `[`: most runs are told without joining their lines.
      if (item.kind !== 'markdown' || !item.lines.some((l) => l.text.includes('['))) continue;
      const text = item.lines.map((l) => l.text).join('\n');
      if (DEF_LINE.test(text)) definitions.push(text);
    }
  }
  const made = {
    outline: 1,
    file: path,
    dialect,
    meta: normalized.meta,
    incrementalLists: normalized.incrementalLists ?? null,
    listsRevealFirstItem: normalized.listsRevealFirstItem ?? false,
    frontMatter,
    slideCount: shown.length,
    first: first.items,
    definitions,
  };
  return { key: createHash('sha256').update(JSON.stringify(made)).digest('hex'), slideCount: shown.length, files };
}
