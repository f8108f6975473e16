import type { Alignment, SourceRef } from '../deck/index.js';
import { parseDuration } from './duration.js';
import { parseYamlDocument, rethrowIfNotLoaded } from './yaml.js';
import { collapseWhitespace, parseSourceRef } from './source-ref.js';
import { closestName } from '../text/index.js';

/** A directive written as an HTML comment on its own line, e.g. `<!-- pause -->`. */
export type Directive =
  | { kind: 'pause' }
  | { kind: 'endSlide' }
  /** Speaker notes as Markdown; `lineOffset` = lines from the comment's first line to the text's first. */
  | { kind: 'notes'; text: string; lineOffset: number }
  | { kind: 'source'; ref: SourceRef }
  | { kind: 'incrementalLists'; on: boolean }
  | { kind: 'columns'; widths: number[] }
  | { kind: 'column'; index: number }
  | { kind: 'resetLayout' }
  | { kind: 'alignment'; align: Alignment }
  | { kind: 'jumpToMiddle' }
  | { kind: 'newLines'; lines: number }
  | { kind: 'noFooter' }
  | { kind: 'skipSlide' }
  | { kind: 'include'; path: string }
  | { kind: 'time'; ms: number }
  /** The output `talkdeck check --exec` recorded for the code block just before it. */
  | { kind: 'execOutput'; fingerprint: string; text: string }
  /** `<!-- // … -->` or an empty comment: for the author only. */
  | { kind: 'comment' };

export type DirectiveKind = Directive['kind'];

/** The result of reading a comment: a directive, or a message saying what is wrong with it. */
export type DirectiveResult = { ok: true; directive: Directive } | { ok: false; message: string };

type ArgParser = (value: string, line: number) => Directive | string;

const noValue =
  (directive: Directive): ArgParser =>
  () =>
    directive;

const MAX_COLUMNS = 12;
const MAX_NEW_LINES = 200;

function parseWidths(value: string): Directive | string {
  const inner = value.trim().replace(/^\[(.*)\]$/su, '$1');
  const parts = inner.split(/[\s,]+/u).filter(Boolean);
  const widths = parts.map((part) => (/^\d{1,3}$/u.test(part) ? Number(part) : NaN));
  if (parts.length === 0 || widths.some((w) => !Number.isInteger(w) || w < 1)) {
    return `invalid column widths "${value.trim()}": expected relative widths like \`1 1\` or \`2 1\``;
  }
  if (widths.length > MAX_COLUMNS) return `too many columns (${widths.length}); use at most ${MAX_COLUMNS}`;
  return { kind: 'columns', widths };
}

function parseNewLines(value: string): Directive | string {
  const text = value.trim();
  const lines = /^\d{1,4}$/u.test(text) ? Number(text) : NaN;
  if (!(lines >= 1 && lines <= MAX_NEW_LINES)) return `new_lines must be a whole number from 1 to ${MAX_NEW_LINES}, not "${text}"`;
  return { kind: 'newLines', lines };
}

/** Every directive name, with how to read its value. Aliases come from presenterm (`newlines`, `newline`). */
const DIRECTIVES: Record<string, { value: 'none' | 'required'; parse: ArgParser }> = {
  pause: { value: 'none', parse: noValue({ kind: 'pause' }) },
  end_slide: { value: 'none', parse: noValue({ kind: 'endSlide' }) },
  notes: { value: 'required', parse: (v) => parseNotes(v) },
  speaker_note: { value: 'required', parse: (v) => parseNotes(v) },
  source: { value: 'required', parse: (v, line) => {
    const ref = parseSourceRef(v, line);
    // A quote may be wrapped over several lines of the comment; it is compared collapsed anyway.
    return typeof ref === 'string' ? ref : { kind: 'source', ref: { ...ref, quote: collapseWhitespace(ref.quote) } };
  } },
  incremental_lists: { value: 'required', parse: (v) => {
    const on = v.trim().toLowerCase();
    if (on === 'true') return { kind: 'incrementalLists', on: true };
    if (on === 'false') return { kind: 'incrementalLists', on: false };
    return `incremental_lists must be true or false, not "${v.trim()}"`;
  } },
  columns: { value: 'required', parse: parseWidths },
  column_layout: { value: 'required', parse: parseWidths },
  column: { value: 'required', parse: (v) => {
    const text = v.trim();
    return /^\d{1,3}$/u.test(text) ? { kind: 'column', index: Number(text) } : `invalid column "${text}": expected a column number counted from 0`;
  } },
  reset_layout: { value: 'none', parse: noValue({ kind: 'resetLayout' }) },
  alignment: { value: 'required', parse: (v) => {
    const align = v.trim();
    if (align === 'left' || align === 'center' || align === 'right') return { kind: 'alignment', align };
    return `alignment must be left, center or right, not "${align}"`;
  } },
  jump_to_middle: { value: 'none', parse: noValue({ kind: 'jumpToMiddle' }) },
  new_lines: { value: 'required', parse: parseNewLines },
  newlines: { value: 'required', parse: parseNewLines },
  new_line: { value: 'none', parse: noValue({ kind: 'newLines', lines: 1 }) },
  newline: { value: 'none', parse: noValue({ kind: 'newLines', lines: 1 }) },
  no_footer: { value: 'none', parse: noValue({ kind: 'noFooter' }) },
  skip_slide: { value: 'none', parse: noValue({ kind: 'skipSlide' }) },
  include: { value: 'required', parse: (v) => {
    const path = v.trim().replace(/^(["'])(.*)\1$/su, '$2').trim();
    return path === '' || /[\n\0]/u.test(path) ? `invalid include path "${v.trim()}"; write one file name, like <!-- include: part.md -->` : { kind: 'include', path };
  } },
  exec_output: { value: 'required', parse: (v) => {
    const match = /^[ \t]*#([0-9a-f]{12})[ \t]*(?:\n|$)/u.exec(v);
    if (!match) return `exec_output must start with # and the output's 12-digit fingerprint, as \`talkdeck check --exec\` writes it`;
    const text = unescapeOutput(v.slice(match[0].length).replace(/\n[ \t]*$/u, ''));
    return { kind: 'execOutput', fingerprint: match[1]!, text };
  } },
  time: { value: 'required', parse: (v) => {
    const ms = parseDuration(v, 'seconds');
    if (ms === null || ms === 0) return `invalid time "${v.trim()}": expected a duration like 45s, 2m, 1m30s or 1:30`;
    return { kind: 'time', ms };
  } },
};

/** Recorded output as written in a comment: `--` is kept as `-\-` and `\` as `\\`, so it cannot end the comment. */
export function escapeOutput(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/-(?=-)/gu, '-\\');
}

function unescapeOutput(text: string): string {
  return text.replace(/\\(.)/gsu, '$1');
}

/** The names directives are written with. */
export const DIRECTIVE_NAMES: readonly string[] = Object.keys(DIRECTIVES);

const NAME = /^([A-Za-z_][\w-]*)[ \t]*(:)?/u;

function quoteShort(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return `"${line.length > 32 ? `${line.slice(0, 31)}…` : line}"`;
}

/**
 * Reads the body of an HTML comment (the text between `<!--` and `-->`) as a directive.
 * `line` is the comment's first line, recorded on source references.
 */
export function parseDirective(body: string, line: number): DirectiveResult {
  const text = body.trim();
  if (text === '' || text.startsWith('//')) return { ok: true, directive: { kind: 'comment' } };
  const match = NAME.exec(text);
  if (!match) return { ok: false, message: `unknown directive ${quoteShort(text)}; to leave a comment, write <!-- // … -->` };
  const name = match[1] ?? '';
  const hasColon = match[2] === ':';
  const value = text.slice(match[0].length);
  const known = Object.hasOwn(DIRECTIVES, name) ? DIRECTIVES[name] : undefined;
  if (!known) {
    const freeText = !hasColon && value.trim() !== '';
    const suggestion = freeText ? null : closestName(name, DIRECTIVE_NAMES);
    const label = freeText ? quoteShort(text) : `"${name}"`;
    const hint = suggestion ? `did you mean "${suggestion}"?` : 'to leave a comment, write <!-- // … -->';
    return { ok: false, message: `unknown directive ${label}; ${hint}` };
  }
  if (known.value === 'none') {
    if (hasColon || value.trim() !== '') return { ok: false, message: `"${name}" takes no value; write <!-- ${name} --> alone` };
    const parsed = known.parse('', line);
    return typeof parsed === 'string' ? { ok: false, message: parsed } : { ok: true, directive: parsed };
  }
  if (value.trim() === '') return { ok: false, message: `"${name}" needs a value: <!-- ${name}: … -->` };
  if (!hasColon) return { ok: false, message: `"${name}" needs a colon before its value: <!-- ${name}: … -->` };
  // The value keeps its line breaks: notes span lines, and their offset from the comment matters.
  const leadingSpace = body.match(/^\s*/u)?.[0] ?? '';
  const raw = body.slice(leadingSpace.length + match[0].length);
  const parsed = known.parse(raw, line);
  if (typeof parsed === 'string') return { ok: false, message: parsed };
  if (parsed.kind === 'notes') {
    const nameLine = leadingSpace.split('\n').length - 1;
    return { ok: true, directive: { ...parsed, lineOffset: parsed.lineOffset + nameLine } };
  }
  return { ok: true, directive: parsed };
}

const EMPTY_NOTES = 'notes are empty; write the notes after the colon, or remove the comment';

/** Notes text: trimmed, common indentation removed, leading blank lines counted as the offset. */
function parseNotes(value: string): Directive | string {
  const leading = value.match(/^[ \t]*/u)?.[0].length ?? 0;
  const rest = value.slice(leading);
  // A YAML block scalar header is `|` or `>` alone on its line (with optional indicators); a
  // Markdown quote or table row in notes also starts with those characters, but has more after.
  if (/^[|>][-+1-9]{0,2}[ \t]*(?:#.*)?(?:\n|$)/u.test(rest)) return parseYamlNotes(rest);
  // Notes on one line, as most are: nothing to dedent.
  if (!value.includes('\n')) {
    const text = value.trim();
    return text === '' ? EMPTY_NOTES : { kind: 'notes', text, lineOffset: 0 };
  }
  const lines = value.split('\n');
  const first = (lines[0] ?? '').trim();
  const others = dedent(lines.slice(1));
  const all = [first, ...others];
  let start = 0;
  while (start < all.length && (all[start] ?? '').trim() === '') start++;
  let end = all.length;
  while (end > start && (all[end - 1] ?? '').trim() === '') end--;
  const text = all.slice(start, end).map((l) => l.trimEnd()).join('\n');
  if (text === '') return EMPTY_NOTES;
  return { kind: 'notes', text, lineOffset: start };
}

/** A YAML message without its position, which counts from the comment rather than the file. */
function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/u, '');
}

const YAML_NOTES_FIX = 'indent every line of the notes by the same amount under the `|`';

/** presenterm's YAML block form: `speaker_note: |` followed by indented lines. */
function parseYamlNotes(value: string): Directive | string {
  let parsed: unknown;
  try {
    const doc = parseYamlDocument(`notes: ${value}`, { prettyErrors: false });
    const error = doc.errors[0];
    if (error) return `invalid YAML in notes: ${yamlMessage(error.message)}; ${YAML_NOTES_FIX}`;
    parsed = doc.toJS();
  } catch (error) {
    rethrowIfNotLoaded(error);
    return `invalid YAML in notes: ${yamlMessage((error as Error).message)}; ${YAML_NOTES_FIX}`;
  }
  const text = (parsed as { notes?: unknown } | null)?.notes;
  if (typeof text !== 'string' || text.trim() === '') return EMPTY_NOTES;
  const lines = value.split('\n');
  let offset = 1;
  while (offset < lines.length && (lines[offset] ?? '').trim() === '') offset++;
  return { kind: 'notes', text: text.replace(/\s+$/u, ''), lineOffset: offset };
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.match(/^[ \t]*/u)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, l.match(/^[ \t]*/u)?.[0].length ?? 0)));
}
