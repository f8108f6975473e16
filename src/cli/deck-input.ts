import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LocatedError, type Deck } from '../deck/index.js';
import type { DeckSource, KeptDeck, SourceReader } from '../present/index.js';
import type { Theme } from '../theme/index.js';
import { InputError, UsageError } from './errors.js';
import type { CliIo, Output } from './io.js';
import type { DeckOptions } from './options.js';

/**
 * Reads the files a deck points at. Every read of a deck's citations and of the deck itself for
 * messages goes through one of these, so that confining them (realpath inside the deck's folder,
 * regular files only, size caps) is done in one place.
 */
export interface FileReader {
  /** The file's text; throws when it cannot be read. */
  readText(path: string): string;
  /** A stamp that changes when the file changes (its mtime), or null when it cannot be read. */
  version(path: string): number | null;
}

/** Reads files as they are. */
export const plainReader: FileReader = {
  readText: (path) => readFileSync(path, 'utf8'),
  version: (path) => {
    try {
      return statSync(path).mtimeMs;
    } catch {
      return null;
    }
  },
};

/** What every DeckInput of one run shares. */
export interface DeckInputEnv {
  io: CliIo;
  output: Output;
  /** Built-in themes, as YAML, and compiled to JSON by the build. */
  themesDir: string;
  compiledThemesDir: string;
  reader: FileReader;
}

// Each stage is loaded only when a command needs it, so start-up reads little.
const parse = () => import('../parse/index.js');
const themes = () => import('../theme/index.js');

/**
 * The deck a command was given, as every command reads it: the path as the user wrote it (for
 * messages), resolved against the working folder; the dialect; the theme asked for; reading the
 * deck, its citations and its theme; printing its diagnostics.
 */
export class DeckInput implements DeckSource {
  /** The path handed to the parser: as the user wrote it when run from the process's own folder. */
  readonly path: string;
  readonly absolute: string;
  readonly cacheKey: { path: string; cwd: string; allowOutside: boolean; dialect: string };
  /** The dialect the deck was read as and why, once read. */
  dialect: { name: string; reason: string } | null = null;

  constructor(
    readonly shown: string,
    readonly options: DeckOptions,
    private readonly env: DeckInputEnv,
  ) {
    const { cwd } = env.io;
    // Paths stay as the user wrote them, so messages name files the way the user knows them.
    this.path = cwd === process.cwd() ? shown : resolve(cwd, shown);
    this.absolute = resolve(cwd, shown);
    this.cacheKey = { path: shown, cwd, allowOutside: Boolean(options.allowOutside), dialect: options.dialect ?? 'auto' };
  }

  /** Reads and parses the deck; `headOnly` builds its first slide alone. */
  async read(options: { headOnly?: boolean } = {}): Promise<KeptDeck> {
    const { loadDeckWithDialect, DIALECT_NAMES } = await parse();
    const dialect = this.options.dialect ?? 'auto';
    if (dialect !== 'auto' && !(DIALECT_NAMES as readonly string[]).includes(dialect)) {
      throw new UsageError(`--dialect must be auto or one of ${DIALECT_NAMES.join(', ')}, not "${dialect}"`);
    }
    const read = loadDeckWithDialect(this.path, { allowOutside: this.options.allowOutside, dialect: dialect as 'auto', headOnly: options.headOnly });
    if (!options.headOnly) this.dialect = { name: read.dialect, reason: read.reason };
    return read;
  }

  /** The deck split into slides without the Markdown parser (parse/outline.ts), or null. */
  async outline(): Promise<{ key: string; files: string[] } | null> {
    const { outlineDeck } = await import('../parse/outline.js');
    const dialect = (this.options.dialect ?? 'auto') as 'auto';
    return outlineDeck(this.path, { allowOutside: this.options.allowOutside, dialect });
  }

  /** Reads and parses the deck, for the commands that want only the deck. */
  async deck(): Promise<Deck> {
    return (await this.read()).deck;
  }

  /** Prints the deck's diagnostics to stderr; true when any is an error. */
  async report(deck: Deck): Promise<boolean> {
    if (deck.diagnostics.length === 0) return false;
    const { formatDiagnostic } = await parse();
    for (const diagnostic of deck.diagnostics) this.env.output.err(`${formatDiagnostic(diagnostic)}\n`);
    return deck.diagnostics.some((d) => d.severity === 'error');
  }

  /** The theme asked for on the command line, else the deck's own, else dark. */
  async theme(deck: Deck, onRead?: (path: string) => void): Promise<Theme> {
    const { loadTheme, ThemeError } = await themes();
    const spec = this.options.theme;
    const fromDeck = !spec && Boolean(deck.meta.theme);
    try {
      // The deck's own theme fields (presenterm's theme.override) go over whichever theme is used.
      const override = deck.meta.themeOverride ? { override: deck.meta.themeOverride, overrideFile: deck.file } : {};
      return loadTheme(spec || deck.meta.theme || 'dark', { themesDir: this.env.themesDir, cwd: this.env.io.cwd, compiledDir: this.env.compiledThemesDir, onRead, ...override });
    } catch (error) {
      // A theme named by the deck's front matter is the deck's problem: say where it is named.
      if (!fromDeck || !(error instanceof ThemeError) || error.line !== undefined) throw error;
      const line = this.frontMatterLine('theme');
      throw new InputError(deck.file, `theme: ${error.format()}`, line ?? undefined, line ? 1 : undefined);
    }
  }

  /**
   * Reads an article the deck cites, by its path relative to the deck. A path that leads out of
   * the deck's folder reads as missing unless the user allowed it: a deck from elsewhere must not
   * be able to show any file of the machine in its source view.
   */
  sources(): SourceReader {
    const deckDir = dirname(this.absolute);
    const { reader } = this.env;
    // The notes view asks on every repaint (its clock ticks each second): read a file again only
    // when it has changed.
    const cache = new Map<string, { version: number; text: string }>();
    return (path) => {
      const target = resolve(deckDir, path);
      const inside = relative(deckDir, target);
      if (!this.options.allowOutside && (inside.startsWith('..') || isAbsolute(inside))) return null;
      try {
        const version = reader.version(target);
        if (version === null) return null;
        const cached = cache.get(target);
        if (cached && cached.version === version) return cached.text;
        const text = reader.readText(target);
        cache.set(target, { version, text });
        return text;
      } catch {
        return null;
      }
    };
  }

  /** Loads the deck again for live reload: the deck, or why it could not be used. */
  reloader(): (path: string) => Promise<Deck | string> {
    return async (path) => {
      const { loadDeck, formatDiagnostic } = await parse();
      try {
        const next = loadDeck(path, { allowOutside: this.options.allowOutside, dialect: (this.options.dialect ?? 'auto') as 'auto' });
        const problem = next.diagnostics.find((d) => d.severity === 'error');
        if (problem) return `deck not reloaded: ${formatDiagnostic(problem)}`;
        if (next.slides.length === 0) return 'deck not reloaded: it has no slides; add a heading or some text';
        return next;
      } catch (error) {
        return `deck not reloaded: ${error instanceof LocatedError ? error.format() : String(error)}`;
      }
    };
  }

  /** The deck's text as it is on disk now (for the commands that rewrite it). */
  text(): string {
    return this.env.reader.readText(this.absolute);
  }

  /** The 1-based line of `key:` in the deck's front matter, or null. */
  private frontMatterLine(key: string): number | null {
    let lines: string[];
    try {
      lines = this.env.reader.readText(this.path).split(/\r?\n/u);
    } catch {
      return null;
    }
    if (!/^---\s*$/u.test(lines[0]?.replace(/^\uFEFF/u, '') ?? '')) return null;
    for (let i = 1; i < lines.length && !/^(---|\.\.\.)\s*$/u.test(lines[i]!); i++) {
      if (new RegExp(`^${key}\\s*:`, 'u').test(lines[i]!)) return i + 1;
    }
    return null;
  }
}

/** The folder holding package.json: built-in themes live in its `themes/`. */
export function themeFolders(root: string): { themesDir: string; compiledThemesDir: string } {
  return { themesDir: join(root, 'themes'), compiledThemesDir: join(root, 'dist', 'themes') };
}
