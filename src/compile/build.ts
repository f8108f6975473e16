import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { openDeckFolder, readRegularFile, type ReadKind } from '../io/index.js';
import { CompileError } from './compile-error.js';
import { compileTalkDetailed, type ReadArticle } from './compile-talk.js';
import type { TalkLanguage } from './structure-words.js';
import type { Talk } from './talk.js';

/**
 * What `talkdeck build` does around a compilation: where each article is cited from (articles
 * outside the deck's folder are copied into `<deck folder>/sources/`, with the local images they
 * show, so that the deck's own `check` can read every citation), the deck text, and the lines to
 * tell the user. The command line only parses options, writes the files this plan lists (with its
 * one safe write) and prints the messages.
 */

export interface BuildRequest {
  /** Articles as the user named them, in order; the first leads. */
  articles: readonly string[];
  /** The deck file to write, as the user named it. */
  output: string;
  /** The folder the names are relative to. */
  cwd: string;
  minutes?: number;
  title?: string;
  lang?: TalkLanguage;
}

/** A file to write before the deck: an article (or an image it shows) copied next to the deck. */
export interface BuildCopy {
  /** Absolute paths. */
  from: string;
  to: string;
  data: Buffer;
}

export interface BuildPlan {
  /** Absolute path of the deck, and its text. */
  output: string;
  markdown: string;
  copies: BuildCopy[];
  /** Lines for standard output: what was copied and what was written. */
  messages: string[];
  /** Lines for standard error: a talk asked longer than its articles hold, and the length that fits. */
  warnings: string[];
  slides: number;
  minutes: number;
  naturalMinutes: number;
  /** The articles as the compiler read them, by their path relative to the deck (for coverTalk). */
  articles: ReadonlyMap<string, ReadArticle>;
  /** The talk the deck was written from (for coverTalk). */
  talk: Talk;
}

/**
 * Reads a file an article build needs: the one place compile/ reads the disk for `build`, through
 * io/ (regular files only, each kind up to its size limit; a ReadError names the file as `shown`).
 */
export function readBuildFile(absolute: string, kind: ReadKind = 'article', shown = absolute): Buffer {
  return readRegularFile(absolute, kind, { shown });
}

/**
 * An image an article shows, read through the article's folder (links resolved, nothing outside
 * it, regular files only, up to an image's size limit), or null when it cannot be: an article from
 * someone else must not get a file of the machine copied next to the deck.
 */
function readArticleImage(articleDir: string, absolute: string): Buffer | null {
  try {
    return openDeckFolder(articleDir).readBytes(absolute, 'image');
  } catch {
    return null;
  }
}

function isFile(absolute: string): boolean {
  try {
    return statSync(absolute).isFile();
  } catch {
    return false;
  }
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

/** A path as the user would name it: relative to where they are, unless that climbs out. */
function shown(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : posix(rel);
}

function inside(dir: string, absolute: string): boolean {
  const rel = relative(dir, absolute);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Relative image sources an article shows (Markdown images and HTML `<img>`), as written. */
function localImages(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/!\[[^\]]*\]\(\s*<?([^\s)>]+)>?/gu)) out.add(m[1] ?? '');
  for (const m of text.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/giu)) out.add(m[1] ?? '');
  return [...out].filter((src) => src && !/^[a-z][a-z0-9+.-]*:|^\/|^#|[{}%]/iu.test(src));
}

/**
 * Plans a build: reads the articles, decides where each is cited from (copying those outside the
 * deck's folder into its `sources/`), compiles the talk and words the messages. Throws CompileError
 * naming the article as the user gave it.
 */
export function planBuild(request: BuildRequest): BuildPlan {
  const output = resolve(request.cwd, request.output);
  const deckDir = dirname(output);
  const sourcesDir = join(deckDir, 'sources');
  const copies: BuildCopy[] = [];
  const messages: string[] = [];
  const taken = new Set<string>();
  const inputs = request.articles.map((given) => {
    const absolute = resolve(request.cwd, given);
    const data = readBuildFile(absolute, 'article', given);
    if (inside(deckDir, absolute)) return { given, absolute, cited: absolute, data };
    // Outside the deck's folder: a copy in sources/, under the article's own name unless another file has it.
    const ext = extname(absolute);
    const stem = basename(absolute, ext);
    let cited = join(sourcesDir, `${stem}${ext}`);
    for (let n = 2; taken.has(cited) || (existsSync(cited) && !(isFile(cited) && readBuildFile(cited).equals(data))); n++) cited = join(sourcesDir, `${stem}-${n}${ext}`);
    taken.add(cited);
    const same = isFile(cited) && readBuildFile(cited).equals(data);
    if (!same) copies.push({ from: absolute, to: cited, data });
    messages.push(same ? `${shown(request.cwd, cited)}: already a copy of ${given}` : `${shown(request.cwd, cited)}: copied from ${given} (a deck cites its articles inside its own folder, where check can read them)`);
    // The images it shows, where they are next to it.
    for (const src of localImages(data.toString('utf8'))) {
      const from = resolve(dirname(absolute), decodeURI(src.split(/[?#]/u)[0] ?? ''));
      const to = resolve(dirname(cited), decodeURI(src.split(/[?#]/u)[0] ?? ''));
      if (!inside(dirname(cited), to)) continue;
      const image = readArticleImage(dirname(absolute), from);
      if (image === null) continue;
      if (isFile(to) && readBuildFile(to, 'image').equals(image)) continue;
      copies.push({ from, to, data: image });
    }
    return { given, absolute, cited, data };
  });

  const pending = new Set(copies.map((c) => c.to));
  const localImage = (path: string) => {
    const absolute = resolve(deckDir, path);
    return inside(deckDir, absolute) && (pending.has(absolute) || isFile(absolute));
  };
  let compiled;
  try {
    compiled = compileTalkDetailed(
      inputs.map((i) => ({ path: posix(relative(deckDir, i.cited)), text: i.data.toString('utf8') })),
      { minutes: request.minutes, title: request.title, lang: request.lang, localImage },
    );
  } catch (error) {
    // Compile errors name the article by its path relative to the deck; name it as the user did.
    if (error instanceof CompileError) {
      const input = inputs.find((i) => posix(relative(deckDir, i.cited)) === error.file);
      if (input) throw new CompileError(input.given, error.message, error.hint, error.line === undefined ? undefined : { line: error.line, column: error.column });
    }
    throw error;
  }
  const slides = compiled.talk.slides.length;
  const minutes = compiled.talk.minutes;
  const warnings: string[] = [];
  if (compiled.tooShort) {
    warnings.push(
      `${request.output}: the articles hold about ${compiled.naturalMinutes} minute${compiled.naturalMinutes === 1 ? '' : 's'} of talk, less than the ${minutes} asked for: each slide gets more time than its notes fill; try --minutes ${compiled.naturalMinutes} (or leave --minutes out for the natural length)`,
    );
  }
  const count = request.articles.length;
  messages.push(`${request.output}: written from ${count} article${count === 1 ? '' : 's'}: ${slides} slides, ${minutes} minute${minutes === 1 ? '' : 's'}${request.minutes === undefined ? ' (the articles\' natural length)' : ''}`);
  return { output, markdown: compiled.markdown, copies, messages, warnings, slides, minutes, naturalMinutes: compiled.naturalMinutes, articles: compiled.articles, talk: compiled.talk };
}
