import { dirname, join, resolve } from 'node:path';
import { LocatedError, type Deck, type Slide } from '../deck/index.js';
import { openDeckFolder, readRegularText, type DeckFolder } from '../io/index.js';
import type { DeckSource, KeptDeck, SourceReader } from '../present/index.js';
import type { Theme } from '../theme/index.js';
import { InputError, UsageError } from './errors.js';
import type { CliIo, Output } from './io.js';
import type { DeckOptions } from './options.js';

/** What every DeckInput of one run shares. */
export interface DeckInputEnv {
  io: CliIo;
  output: Output;
  /** Built-in themes, as YAML, and compiled to JSON by the build. */
  themesDir: string;
  compiledThemesDir: string;
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
  private openedFolder: DeckFolder | null = null;

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

  /**
   * Reads and parses the deck (through parse/'s loader, which reads the deck and its includes
   * through io/'s confined reader); `headOnly` builds its first slide alone; `text` parses that
   * text as the deck's (an edit parses exactly the text it rewrites); `keySlides` and `reuse`
   * key the slides and take unchanged ones from an earlier parse (parse/'s options).
   */
  async read(options: { headOnly?: boolean; text?: string; keySlides?: boolean; reuse?: ReadonlyMap<string, Slide> } = {}): Promise<KeptDeck & { text: string }> {
    const { loadDeckWithDialect, DIALECT_NAMES } = await parse();
    const dialect = this.options.dialect ?? 'auto';
    if (dialect !== 'auto' && !(DIALECT_NAMES as readonly string[]).includes(dialect)) {
      throw new UsageError(`--dialect must be auto or one of ${DIALECT_NAMES.join(', ')}, not "${dialect}"`);
    }
    const read = loadDeckWithDialect(this.path, { allowOutside: this.options.allowOutside, dialect: dialect as 'auto', headOnly: options.headOnly, text: options.text, keySlides: options.keySlides, reuse: options.reuse });
    if (!options.headOnly) this.dialect = { name: read.dialect, reason: read.reason };
    return read;
  }

  /** The deck split into slides without the Markdown parser (parse/outline.ts), or null. */
  async outline(): Promise<{ key: string; files: string[] } | null> {
    const { outlineDeck } = await import('../parse/outline.js');
    const dialect = (this.options.dialect ?? 'auto') as 'auto';
    return outlineDeck(this.path, { allowOutside: this.options.allowOutside, dialect });
  }

  /**
   * Parses deck text as this deck's, synchronously once the parser is loaded: for an edit
   * (io/'s editFile), which computes its change from exactly the text it then rewrites.
   */
  async textParser(): Promise<(text: string) => Deck> {
    const { loadDeckWithDialect } = await parse();
    return (text) => loadDeckWithDialect(this.path, { allowOutside: this.options.allowOutside, dialect: (this.options.dialect ?? 'auto') as 'auto', text }).deck;
  }

  /**
   * The deck's folder, through which everything the deck points at is read (io/'s confined reader:
   * links resolved, nothing outside the folder unless --allow-outside, regular files only, size
   * caps). What it read is kept until the file changes: the notes view asks on every repaint.
   */
  folder(): DeckFolder {
    this.openedFolder ??= openDeckFolder(dirname(this.absolute), { allowOutside: this.options.allowOutside, cache: true });
    return this.openedFolder;
  }

  /**
   * Reads an article the deck cites, by its path relative to the deck, through the deck's folder.
   * Throws ReadError saying why it cannot: missing, outside the folder, not a regular file, too big.
   */
  readSource(path: string): string {
    return this.folder().readText(path, 'source', path);
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

  /** The theme asked for on the command line, else the deck's own, else `fallback` (dark unless the terminal is light). */
  async theme(deck: Deck, onRead?: (path: string) => void, fallback = 'dark'): Promise<Theme> {
    const { loadTheme, ThemeError } = await themes();
    const spec = this.options.theme;
    const fromDeck = !spec && Boolean(deck.meta.theme);
    try {
      // The deck's own theme fields (presenterm's theme.override) go over whichever theme is used.
      const override = deck.meta.themeOverride ? { override: deck.meta.themeOverride, overrideFile: deck.file } : {};
      // A theme file the deck names is one more file the deck points at: found beside the deck and
      // read through its folder, like an include. One the user names is theirs to name.
      const where = fromDeck ? { cwd: dirname(this.absolute), folder: this.folder() } : { cwd: this.env.io.cwd };
      return loadTheme(spec || deck.meta.theme || this.options.defaultTheme || fallback, { themesDir: this.env.themesDir, compiledDir: this.env.compiledThemesDir, onRead, ...where, ...override });
    } catch (error) {
      // A theme named by the deck's front matter is the deck's problem: say where it is named.
      if (!fromDeck || !(error instanceof ThemeError) || error.line !== undefined) throw error;
      const line = this.frontMatterLine('theme');
      throw new InputError(deck.file, `theme: ${error.format()}`, line ?? undefined, line ? 1 : undefined);
    }
  }

  /**
   * The cited articles for the presenter and the notes view: the text, or null when it cannot be
   * read (the view says so). A deck from elsewhere can show no file of the machine outside its
   * folder unless the user allowed it.
   */
  sources(): SourceReader {
    return (path) => {
      try {
        return this.readSource(path);
      } catch {
        return null;
      }
    };
  }

  /**
   * Reads an image the deck names, by its path relative to the deck, through the deck's folder
   * (io/): only a regular file of at most 10 MB, and (unless the user allowed it) only inside the
   * deck's folder, links resolved. Throws InputError or ReadError saying why not; URLs are not fetched.
   */
  images(): (src: string) => Uint8Array {
    return (src) => {
      if (/^[a-z][a-z0-9+.-]*:/iu.test(src) || src.startsWith('//')) throw new InputError(src, 'images on the network are not fetched; save the image beside the deck');
      let path: string;
      try {
        path = decodeURI(src.split(/[?#]/u)[0] ?? '');
      } catch {
        throw new InputError(src, 'is not a well-formed path; check its % escapes');
      }
      return this.folder().readBytes(path, 'image', src);
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

  /** The deck's text as it is on disk now: a regular file, up to a deck's size limit. */
  text(): string {
    return readRegularText(this.absolute, 'deck', { shown: this.shown });
  }

  /** The 1-based line of `key:` in the deck's front matter, or null. */
  private frontMatterLine(key: string): number | null {
    let lines: string[];
    try {
      lines = this.text().split(/\r?\n/u);
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
