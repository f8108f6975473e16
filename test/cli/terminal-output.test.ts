import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every command's stdout and stderr, scanned for bytes a terminal would act on. Decks, articles,
 * file names, rehearsal logs and arguments all carry hostile sequences: a full reset (ESC c), a
 * clipboard write (OSC 52), a screen clear, a window title (OSC 0 … BEL), a C1 CSI, a DCS and a
 * bidi override. Only talkdeck's own SGR colours and OSC 8 links may remain.
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');

const RESET = '\u001bc';
const CLIPBOARD = '\u001b]52;c;aGkK\u0007';
const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;pwned\u0007';
const C1 = '\u009b31m';
const DCS = '\u001bP+q\u001b\\';
const BIDI = '\u202e';
const ALL = [RESET, CLIPBOARD, CLEAR, TITLE, C1, DCS, BIDI].join('');

/** talkdeck's own sequences: SGR colours and OSC 8 links to printable ASCII. */
const OWN = /\u001b\[[0-9;:]*m|\u001b\]8;;[\u0021-\u007e]*\u001b\\/gu;
/** What must never reach a terminal: C0 but tab and newline, DEL, C1, bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The unsafe characters left in output once talkdeck's own sequences are taken out, shown as code points. */
function unsafeIn(text: string): string[] {
  const rest = text.replace(OWN, '');
  return [...rest].filter((char) => UNSAFE.test(char)).map((char) => `U+${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

let dir = '';

function talkdeck(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, TALKDECK_CACHE: 'off', NO_COLOR: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fingerprint = (quote: string) => createHash('sha256').update(quote.replace(/\s+/gu, ' ').trim(), 'utf8').digest('hex').slice(0, 12);

const ARTICLE = `sources/art${CLEAR}.md`;
const DECK = 'hostile.md';
const NAMED = `evil${TITLE}${RESET}.md`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-terminal-output-'));
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, '.talkdeck'));
  writeFileSync(join(dir, ARTICLE), `First line ${RESET}.\nThe cited line now reads ${CLIPBOARD} otherwise.\nThird.\n`);
  const quote = `The cited line ${TITLE} as it was`;
  const tall = Array.from({ length: 30 }, (_, i) => `- item ${i} ${C1}`).join('\n');
  const deck = [
    '---',
    `title: Deck ${ALL}`,
    `author: ${RESET}Someone`,
    '---',
    '',
    `# Title ${ALL}`,
    '',
    `Text ${ALL} and \`code ${CLEAR}\` and [a link ${TITLE}](https://example.com/${RESET}).`,
    '',
    `| head ${C1} | b |`,
    '|---|---|',
    `| cell ${DCS} | ${BIDI} |`,
    '',
    '```',
    `code block ${ALL}`,
    '```',
    '',
    `<!-- source: ${ARTICLE}:2 #${fingerprint(quote)} "${quote}" -->`,
    '',
    `<!-- speaker_note: notes ${ALL} -->`,
    '',
    '---',
    '',
    `# Tall ${TITLE}`,
    '',
    tall,
    '',
  ].join('\n');
  writeFileSync(join(dir, DECK), deck);
  writeFileSync(join(dir, NAMED), `# Named ${ALL}\n\n<!-- ${TITLE} -->\n`);
  const run = {
    v: 1,
    runId: `run${RESET}`,
    final: true,
    date: '2024-05-01T10:00:00.000Z',
    savedAt: '2024-05-01T10:05:00.000Z',
    deck: `Deck ${ALL}`,
    deckFile: DECK,
    minutes: 5,
    slides: [
      { title: `Title ${ALL}`, seconds: 120, visits: 1 },
      { title: `Tall ${TITLE}`, seconds: 60, visits: 1 },
    ],
    totalSeconds: 180,
    current: null,
  };
  writeFileSync(join(dir, '.talkdeck', 'rehearsals.jsonl'), `${JSON.stringify(run)}\n`);
  writeFileSync(join(dir, `article${CLEAR}.md`), `# An article ${ALL}\n\n${`A sentence about terminals ${RESET} and their escapes. `.repeat(40)}\n\nAnother paragraph ${TITLE} follows here with words.\n`);
  writeFileSync(join(dir, `empty${TITLE}.md`), '');
});
afterAll(() => { if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); });

describe('every command prints nothing a terminal would act on', () => {
  it.each([
    ['print', ['print', DECK]],
    ['print of a deck whose name holds escapes', ['print', NAMED]],
    ['check: overflowing titles, cited paths, was/now quotes', ['check', DECK, '--size', '40x8']],
    ['check of a deck whose name holds escapes', ['check', NAMED]],
    ['export md to stdout', ['export', DECK, '-f', 'md', '-o', '-']],
    ['export txt to stdout', ['export', DECK, '-f', 'txt', '-o', '-']],
    ['export json to stdout', ['export', DECK, '-f', 'json', '-o', '-']],
    ['export html to stdout', ['export', DECK, '-f', 'html', '-o', '-']],
    ['export to a file named with escapes', ['export', DECK, '-f', 'txt', '-o', `out${TITLE}.txt`]],
    ['report from a rehearsal log', ['report', DECK]],
    ['report --json', ['report', DECK, '--json']],
    ['build from an article named with escapes', ['build', `article${CLEAR}.md`, '-o', `talk${RESET}.md`]],
    ['build from an empty article named with escapes', ['build', `empty${TITLE}.md`, '-o', 'x.md']],
    ['present without a terminal', ['present', NAMED]],
    ['notes without a terminal', ['notes', NAMED]],
    ['rehearse without a terminal', ['rehearse', NAMED]],
    ['a missing deck named with escapes', ['print', `missing${CLIPBOARD}.md`]],
    ["commander's unknown option", ['print', DECK, `--x${CLEAR}`]],
    ["commander's invalid choice", ['export', DECK, '-f', `md${RESET}`]],
    ['an invalid --size', ['check', DECK, '--size', `80x24${TITLE}`]],
    ['an invalid --dialect', ['print', DECK, '--dialect', `marp${CLEAR}`]],
    ['an invalid --width', ['print', DECK, '--width', `${C1}`]],
    ['a theme named with escapes', ['check', DECK, '--theme', `dark${TITLE}`]],
    ['themes', ['themes']],
  ])('%s', (_what, args) => {
    const result = talkdeck(...args);
    expect(result.stdout + result.stderr, 'some output to scan').not.toBe('');
    expect(unsafeIn(result.stdout), 'stdout').toEqual([]);
    expect(unsafeIn(result.stderr), 'stderr').toEqual([]);
  });

  it('shows what it replaced: a text export of a deck holding ESC c says ␛c', () => {
    const result = talkdeck('export', DECK, '-f', 'md', '-o', '-');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('␛c');
    expect(result.stdout).toContain('<U+009B>31m');
  });
});
