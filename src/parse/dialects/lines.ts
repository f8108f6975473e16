import { frontMatterEnd } from '../scan.js';
import { parseYamlDocument, rethrowIfNotLoaded } from '../yaml.js';
import type { DialectNote, Normalized } from './types.js';

/** A working copy of a deck's lines with the notes about them. */
export class Rewrite {
  readonly lines: string[];
  readonly notes: DialectNote[] = [];
  readonly meta: Normalized['meta'] = {};
  incrementalLists: boolean | undefined;
  /** Incremental lists start with no item shown (pandoc's and patat's way). */
  listsRevealFirstItem = false;
  introSlide = false;
  /** 0-based index of the front matter's closing line, or -1 without front matter. */
  readonly frontEnd: number;
  /** For each line: inside fenced code (fence lines included) or the front matter. */
  readonly code: boolean[];

  constructor(source: readonly string[]) {
    this.lines = [...source];
    this.frontEnd = frontMatterEnd(source) ?? -1;
    this.code = codeMask(source, this.frontEnd);
  }

  note(index: number, severity: DialectNote['severity'], message: string, column = 1): void {
    this.notes.push({ line: index + 1, column, severity, message });
  }

  /** Whether line `index` is ordinary deck text: not code, not front matter. */
  isText(index: number): boolean {
    return !(this.code[index] ?? true);
  }

  /** The front matter as a plain object, or {} without one or when it is not valid YAML. */
  frontMatter(): Record<string, unknown> {
    if (this.frontEnd < 0) return {};
    try {
      const value: unknown = parseYamlDocument(this.lines.slice(1, this.frontEnd).join('\n')).toJS();
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch (error) {
      rethrowIfNotLoaded(error);
      return {};
    }
  }

  /**
   * Blanks a top-level front-matter key and its indented continuation lines, with a note.
   * Returns whether the key was there.
   */
  dropFrontMatterKey(key: string, message: string | null, severity: DialectNote['severity'] = 'info'): boolean {
    for (let i = 1; i < this.frontEnd; i++) {
      const match = /^([\w$.-]+)[ \t]*:/u.exec(this.lines[i] ?? '');
      if (match?.[1] !== key) continue;
      this.lines[i] = '';
      for (let j = i + 1; j < this.frontEnd && /^(?:[ \t]+\S|[ \t]*$)/u.test(this.lines[j] ?? ''); j++) this.lines[j] = '';
      if (message !== null) this.note(i, severity, message);
      return true;
    }
    return false;
  }

  /** Top-level front-matter keys in order. */
  frontMatterKeys(): string[] {
    const keys: string[] = [];
    for (let i = 1; i < this.frontEnd; i++) {
      const match = /^([\w$.-]+)[ \t]*:/u.exec(this.lines[i] ?? '');
      if (match?.[1] !== undefined) keys.push(match[1]);
    }
    return keys;
  }

  /**
   * HTML comments that start a text line: first and last line index and the text inside.
   * Comments never start inside code.
   */
  comments(): { first: number; last: number; body: string }[] {
    const found: { first: number; last: number; body: string }[] = [];
    for (let i = this.frontEnd + 1; i < this.lines.length; i++) {
      if (!this.isText(i)) continue;
      const open = /^[ \t]*<!--/u.exec(this.lines[i] ?? '');
      if (!open) continue;
      const parts: string[] = [];
      let text = (this.lines[i] ?? '').slice(open[0].length);
      let j = i;
      while (!text.includes('-->') && j + 1 < this.lines.length) {
        parts.push(text);
        text = this.lines[++j] ?? '';
      }
      if (!text.includes('-->')) break;
      parts.push(text.slice(0, text.indexOf('-->')));
      found.push({ first: i, last: j, body: parts.join('\n') });
      i = j;
    }
    return found;
  }

  /** Blanks lines `first` to `last`. */
  blank(first: number, last: number): void {
    for (let i = first; i <= last; i++) this.lines[i] = '';
  }

  /** Turns the comment starting on line `index` into speaker notes; empty, `//` and notes comments stay. */
  commentToNotes(index: number, body: string): void {
    const text = body.trim();
    if (text === '' || /^(?:\/\/|notes:|speaker_note:)/u.test(text)) return;
    this.lines[index] = (this.lines[index] ?? '').replace('<!--', '<!-- notes:');
  }

  /** Turns the comment starting on line `index` into an author's comment that talkdeck ignores. */
  commentToComment(index: number, body: string): void {
    if (!body.trim().startsWith('//')) this.lines[index] = (this.lines[index] ?? '').replace('<!--', '<!-- //');
  }

  /** Index of the line that ends the slide holding line `index` (a `---` line), or lines.length. */
  slideEnd(index: number, breakLine: RegExp = /^---[ \t]*$/u): number {
    for (let i = index + 1; i < this.lines.length; i++) if (this.isText(i) && breakLine.test(this.lines[i] ?? '')) return i;
    return this.lines.length;
  }

  /**
   * Makes speaker notes of lines `index` (its text after `marker` included) up to the end of its
   * slide. The notes comment closes on the slide's last line, so no line is added.
   */
  notesToSlideEnd(index: number, marker: RegExp, breakLine?: RegExp): number {
    const end = this.slideEnd(index, breakLine);
    const rest = (this.lines[index] ?? '').replace(marker, '');
    const body = [rest, ...this.lines.slice(index + 1, end)].join('\n');
    if (body.trim() === '') {
      this.blank(index, end - 1);
      return end;
    }
    for (let i = index; i < end; i++) this.lines[i] = (this.lines[i] ?? '').replace(/-->/gu, '-\\->');
    this.lines[index] = `<!-- notes: ${(this.lines[index] ?? '').replace(marker, '')}`;
    this.lines[end - 1] = `${this.lines[end - 1] ?? ''} -->`;
    return end;
  }

  /**
   * Ends a slide before each ATX heading that is not the first thing on its slide, by prefixing
   * it with `<!-- end_slide -->`: a heading of level `levels` or higher (fewer #), or, given a
   * list, of one of the levels listed. Returns the indexes of the headings that split.
   */
  splitAtHeadings(levels: number | readonly number[]): number[] {
    const splits = (level: number) => (typeof levels === 'number' ? level <= levels : levels.includes(level));
    const found: number[] = [];
    let content = false;
    for (let i = this.frontEnd + 1; i < this.lines.length; i++) {
      const line = this.lines[i] ?? '';
      if (!this.isText(i)) {
        content = true;
        continue;
      }
      if (/^---[ \t]*$/u.test(line) || /^[ \t]*<!-- end_slide -->[ \t]*$/u.test(line)) {
        content = false;
        continue;
      }
      const heading = /^(#{1,6})(?:[ \t]|$)/u.exec(line);
      if (heading && splits(heading[1]?.length ?? 7) && content) {
        this.lines[i] = `<!-- end_slide --> ${line}`;
        found.push(i);
      }
      if (line.trim() !== '' && !/^[ \t]*<!--.*-->[ \t]*$/u.test(line)) content = true;
    }
    return found;
  }

  /**
   * Rewrites CommonMark setext headings (a paragraph line underlined by `===` or `---`) as ATX
   * headings on the same line, the underline left blank, so that no `---` underline is read as a
   * slide break. With `asTitles` every one is a level-1 heading, as presenterm makes any setext
   * heading the slide's title. Returns the line indexes of the headings.
   */
  setextToAtx(asTitles = false): number[] {
    const found: number[] = [];
    for (let i = this.frontEnd + 2; i < this.lines.length; i++) {
      const underline = /^ {0,3}(=+|-+)[ \t]*$/u.exec(this.lines[i] ?? '');
      if (!underline || !this.isText(i) || !this.isText(i - 1) || !this.paragraphLine(i - 1)) continue;
      this.lines[i - 1] = `${asTitles || underline[1]?.startsWith('=') ? '#' : '##'} ${(this.lines[i - 1] ?? '').trim()}`;
      this.lines[i] = '';
      found.push(i - 1);
    }
    return found;
  }

  /**
   * Whether line `index` is text of a top-level paragraph, which a setext underline may follow:
   * not blank, not indented code, not a heading, quote, list item, fence, table row or HTML, and
   * its paragraph does not start in a list item or a quote.
   */
  private paragraphLine(index: number): boolean {
    const plain = (line: string) => line.trim() !== '' && !/^ {4}|^\t/u.test(line) && !/^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|<|\|)/u.test(line) && !/^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/u.test(line);
    if (!plain(this.lines[index] ?? '')) return false;
    let start = index;
    while (start > this.frontEnd + 1 && (this.lines[start - 1] ?? '').trim() !== '' && this.isText(start - 1)) start--;
    return start === index || plain(this.lines[start] ?? '') || /^ {0,3}#{1,6}(?:[ \t]|$)|^[ \t]*<!--.*-->[ \t]*$/u.test(this.lines[start] ?? '');
  }

  /** Indexes of thematic breaks (`---`, `***`, `___`, spaces allowed) outside code; run after setextToAtx. */
  thematicBreaks(): number[] {
    const found: number[] = [];
    for (let i = this.frontEnd + 1; i < this.lines.length; i++) {
      if (this.isText(i) && /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/u.test(this.lines[i] ?? '')) found.push(i);
    }
    return found;
  }

  /** Fenced code blocks: the opening fence's line index and the block's last line index. */
  fencedBlocks(): { open: number; close: number }[] {
    const blocks: { open: number; close: number }[] = [];
    let open: { at: number; char: string; length: number } | null = null;
    for (let i = this.frontEnd + 1; i < this.lines.length; i++) {
      if (this.isText(i)) {
        if (open !== null) blocks.push({ open: open.at, close: i - 1 });
        open = null;
        continue;
      }
      const fence = /^[ \t]{0,3}(`{3,}|~{3,})(.*)$/u.exec(this.lines[i] ?? '');
      if (open === null) {
        open = { at: i, char: fence?.[1]?.[0] ?? '`', length: fence?.[1]?.length ?? 3 };
        continue;
      }
      if (fence && fence[1]?.[0] === open.char && (fence[1]?.length ?? 0) >= open.length && (fence[2] ?? '').trim() === '') {
        blocks.push({ open: open.at, close: i });
        open = null;
      }
    }
    if (open !== null) blocks.push({ open: open.at, close: this.lines.length - 1 });
    return blocks;
  }

  /** Whether the deck has a `---` slide break outside code and front matter. */
  hasRuleBreaks(): boolean {
    return this.lines.some((line, i) => i > this.frontEnd && this.isText(i) && /^---[ \t]*$/u.test(line));
  }

  /**
   * Pandoc's slide level: the highest heading level (fewest #) that is directly followed by
   * content rather than by another heading; 1 when there are no headings.
   */
  pandocSlideLevel(): number {
    let level = 7;
    for (let i = this.frontEnd + 1; i < this.lines.length; i++) {
      const heading = this.isText(i) ? /^(#{1,6})[ \t]/u.exec(this.lines[i] ?? '') : null;
      if (!heading) continue;
      let j = i + 1;
      while (j < this.lines.length && (this.lines[j] ?? '').trim() === '') j++;
      const next = this.lines[j];
      if (next !== undefined && !/^#{1,6}[ \t]/u.test(next)) level = Math.min(level, heading[1]?.length ?? 7);
    }
    return level === 7 ? 1 : level;
  }

  result(): Normalized {
    const out: Normalized = { lines: this.lines, notes: this.notes, meta: this.meta };
    if (this.incrementalLists !== undefined) out.incrementalLists = this.incrementalLists;
    if (this.introSlide) out.introSlide = true;
    if (this.listsRevealFirstItem) out.listsRevealFirstItem = true;
    return out;
  }
}

/** Whether line `index` is inside a CommonMark HTML block of type 1 (`<pre>` … `</pre>` and the like). */
export function inRawHtml(lines: readonly string[], index: number): boolean {
  let open: string | null = null;
  for (let i = 0; i <= index; i++) {
    const line = lines[i] ?? '';
    if (open === null) open = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/iu.exec(line)?.[1]?.toLowerCase() ?? null;
    if (open !== null && i === index) return true;
    if (open !== null && line.toLowerCase().includes(`</${open}>`)) open = null;
  }
  return false;
}

/** For each line, whether it is front matter or fenced code (the fence lines included). */
export function codeMask(lines: readonly string[], frontEnd: number): boolean[] {
  const mask: boolean[] = [];
  let fence: { char: string; length: number } | null = null;
  // CommonMark HTML blocks of type 1 (`<pre`, `<script`, `<style`, `<textarea`) run to their end
  // tag: a ``` inside one is text, not a fence.
  let html: string | null = null;
  lines.forEach((line, i) => {
    if (i <= frontEnd) {
      mask.push(true);
      return;
    }
    if (html === null && fence === null) html = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/iu.exec(line)?.[1]?.toLowerCase() ?? null;
    if (html !== null) {
      mask.push(false);
      if (line.toLowerCase().includes(`</${html}>`)) html = null;
      return;
    }
    if (fence) {
      mask.push(true);
      const close = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*$/u.exec(line);
      if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length) fence = null;
      return;
    }
    const open = /^[ \t]{0,3}(`{3,}|~{3,})/u.exec(line);
    if (open) {
      fence = { char: open[1]?.[0] ?? '`', length: open[1]?.length ?? 3 };
      mask.push(true);
      return;
    }
    mask.push(false);
  });
  return mask;
}
