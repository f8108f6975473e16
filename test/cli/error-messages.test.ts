import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every user-facing error names the file (and `:line` where it has one), suggests the fix, exits
 * non-zero and prints no stack trace unless --debug. Each row runs the built CLI on a realistic bad
 * input; commands that need a terminal run under `script`, which gives them a real one.
 *
 * The style of a fix: after the problem, a clause that says what to do — `did you mean "x"?`, an
 * imperative (`add`, `remove`, `use`, `run`, `write`, `give`, `install`, `check the path`, …), or
 * what is wanted (`must be …`, `wants …`, `expected …`, `Allowed choices are …`).
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const FOUR = resolve('test/fixtures/e2e/four.md');

/** Some clause that tells the user what to do. */
const FIX =
  /(?:^|[;(.:,])\s*(?:or\s+)?(?:to [^,;]+, )?(?:did you mean|add|remove|use|run|write|give|install|choose|check|move|make|keep|set|save|cite|point|indent|pass|create|split)\b|\b(?:must be|wants|expected|Allowed choices are)\b/imu;
const STACK = /\n\s+at /u;

let dir = '';

const fingerprint = (quote: string) => createHash('sha256').update(quote, 'utf8').digest('hex').slice(0, 12);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-errors-'));
  const file = (name: string, text: string | Buffer) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  copyFileSync(FOUR, join(dir, 'talk.md'));
  mkdirSync(join(dir, 'decks'));
  copyFileSync(FOUR, join(dir, 'decks', 'talk.md'));
  mkdirSync(join(dir, 'cache'));
  file('bad-yaml.md', '---\ntitle: [unclosed\n---\n\n# A\n');
  file('bad-duration.md', '---\ntitle: T\nduration: soon\n---\n\n# A\n');
  file('unknown-directive.md', '# A\n\n<!-- bogus_directive -->\n');
  file('typo-directive.md', '# A\n\nText.\n\n<!-- pase -->\n\nMore.\n');
  file('bad-time.md', '# A\n\n<!-- time: soon -->\n');
  file('unclosed-include.md', '# A\n\n<!-- include: part.md\n\nMore text.\n');
  file('include-missing.md', '# A\n\n<!-- include: parts/intro.md -->\n');
  file('cycle-a.md', '# A\n\n<!-- include: cycle-b.md -->\n');
  file('cycle-b.md', 'From b.\n\n<!-- include: cycle-a.md -->\n');
  file('outside.md', 'A secret.\n');
  file('inner/escape.md', '# A\n\n<!-- include: ../outside.md -->\n');
  file('unclosed-fence.md', '# A\n\n```js\nlet open = true;\n');
  file('front-matter-theme.md', '---\ntheme: nosuchtheme\n---\n\n# A\n');
  file('purple-theme.yaml', 'extends: dark\nfooter:\n  progress:\n    fg: purpel\n');
  file('field-theme.yaml', 'extends: dark\nbanana: 3\n');
  file('empty.md', '');
  file('binary.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01, 0x62, 0x69, 0x6e]));
  file('only-code.md', '```js\nconsole.log(1);\n```\n');
  file('broken-yaml.md', '---\ntitle: Why unikernels fail\ntags: [ops, kernels\n---\n\nUnikernels put the application into the kernel.\n');
  file('bad-toml.md', '+++\ntitle = "Why unikernels fail\n+++\n\nUnikernels put the application into the kernel.\n');
  file('open-yaml.md', '---\ntitle: Why unikernels fail\n\nUnikernels put the application into the kernel.\n');
  file('empty-deck.md', '');
  file('article.md', 'A first line.\nThe cited sentence is here.\n');
  const quote = 'The cited sentence is here.';
  file('moved.md', `# Cited\n\nA point.\n\n<!-- source: article.md:1 #${fingerprint(quote)} "${quote}" -->\n`);
  file('gone.md', `# Cited\n\nA point.\n\n<!-- source: vanished.md:1 #${fingerprint(quote)} "${quote}" -->\n`);
  // A "billion laughs" theme, and front matter nested deeper than the YAML reader goes.
  const laughs = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (const [i, name] of [...'bcdefgh'].entries()) laughs.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`);
  file('laughs-theme.yaml', `${laughs.join('\n')}\n`);
  file('deep-front-matter.md', `---\ntitle: Deep\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n\n# Slide\n`);
  // A file where build would make the folder for the articles it copies.
  file('blocked/sources', 'not a folder\n');
  file('overflow.md', `# Long\n\n${Array.from({ length: 40 }, (_, i) => `- item ${i}`).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Shell quoting for `script -c`. */
const sh = (arg: string) => `'${arg.replace(/'/gu, `'\\''`)}'`;

/** Runs the CLI in the fixture folder; `tty` runs it under `script`, in a real terminal. */
function talkdeck(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const env = { ...process.env, TALKDECK_CACHE_DIR: join(dir, 'cache'), TERM: 'xterm-256color', ...options.env };
  if (options.tty) {
    const command = ['node', CLI, ...args].map(sh).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    // In a terminal, stdout and stderr arrive together.
    return { code: result.status, output: `${result.stdout}${result.stderr}`.replace(/\r/gu, '') };
  }
  const result = spawnSync('node', [CLI, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, output: result.stderr };
}

interface Row {
  /** The bad input. */
  what: string;
  args: string[];
  tty?: boolean;
  env?: Record<string, string>;
  /** 1: the input has a problem; 2: the command line does. */
  code: 1 | 2;
  /** The file the message must name, with `:line:` where there is one; null when no file is involved. */
  where: string | null;
  /** The fix this message must suggest. */
  fix: RegExp;
}

const rows: Row[] = [
  // Decks that cannot be read.
  { what: 'a missing deck', args: ['print', 'missing.md'], code: 1, where: 'missing.md: no such file', fix: /check the path/u },
  { what: 'a misspelt deck name', args: ['check', 'tlak.md'], code: 1, where: 'tlak.md: no such file', fix: /did you mean "talk\.md"\?/u },
  { what: 'a missing deck, in the presenter', args: ['present', 'missing.md'], tty: true, code: 1, where: 'missing.md: no such file', fix: /check the path/u },
  { what: 'a missing deck, in rehearsal', args: ['rehearse', 'missing.md'], tty: true, code: 1, where: 'missing.md: no such file', fix: /check the path/u },
  { what: 'a missing deck, for the report', args: ['report', 'missing.md'], code: 1, where: 'missing.md: no such file', fix: /check the path/u },
  { what: 'a directory for a deck', args: ['export', 'decks', '-f', 'html'], code: 1, where: 'decks: is a directory', fix: /give a Markdown file instead, e\.g\. "decks\/talk\.md"/u },
  {
    what: 'an unknown command (read as a deck name)',
    args: ['frobnicate'],
    tty: true,
    code: 1,
    where: 'frobnicate: no such file',
    fix: /run `talkdeck --help` to see the commands/u,
  },
  // Problems inside a deck: file:line.
  { what: 'bad front matter YAML', args: ['check', 'bad-yaml.md'], code: 1, where: 'bad-yaml.md:2:', fix: /fix the YAML between the `---` lines/u },
  { what: 'a bad duration in the front matter', args: ['print', 'bad-duration.md'], code: 1, where: 'bad-duration.md:3:', fix: /must be a length of time like 20m/u },
  { what: 'an unknown directive', args: ['check', 'unknown-directive.md'], code: 1, where: 'unknown-directive.md:3:', fix: /to leave a comment, write <!-- \/\/ … -->/u },
  { what: 'a misspelt directive', args: ['present', 'typo-directive.md'], tty: true, code: 1, where: 'typo-directive.md:5:', fix: /did you mean "pause"\?/u },
  { what: 'a bad slide time', args: ['rehearse', 'bad-time.md'], tty: true, code: 1, where: 'bad-time.md:3:', fix: /expected a duration like 45s/u },
  { what: 'an unclosed include', args: ['print', 'unclosed-include.md'], code: 1, where: 'unclosed-include.md:3:', fix: /add `-->`/u },
  { what: 'an include of a missing file', args: ['export', 'include-missing.md', '-f', 'txt', '-o', '-'], code: 1, where: 'include-missing.md:3:', fix: /check the path: it is relative to the file that includes it/u },
  { what: 'an include cycle', args: ['check', 'cycle-a.md'], code: 1, where: 'cycle-b.md:3:', fix: /remove this include/u },
  { what: "an include outside the deck's folder", args: ['check', 'inner/escape.md'], code: 1, where: 'inner/escape.md:3:', fix: /move it into that folder, or pass --allow-outside/u },
  { what: 'a citation whose passage moved', args: ['check', 'moved.md'], code: 1, where: 'moved.md:5:', fix: /run `talkdeck check --fix` to update its lines/u },
  { what: 'a citation of a missing article', args: ['check', 'gone.md'], code: 1, where: 'gone.md:5:', fix: /check the path \(relative to the deck/u },
  // Themes.
  { what: 'an unknown theme name', args: ['check', 'talk.md', '--theme', 'nosuch'], code: 1, where: 'nosuch: unknown theme', fix: /built-in themes: dark, .*; or give a path to a \.yaml or \.json file/u },
  { what: 'a misspelt theme name', args: ['export', 'talk.md', '-f', 'html', '--theme', 'nrod'], code: 1, where: 'nrod: unknown theme', fix: /did you mean "nord"\?/u },
  { what: 'a missing theme file', args: ['check', 'talk.md', '--theme', 'mine.yaml'], code: 1, where: 'mine.yaml: theme file not found', fix: /check the path, or use a built-in theme: dark/u },
  { what: 'a bad colour in a theme file', args: ['check', 'talk.md', '--theme', 'purple-theme.yaml'], code: 1, where: 'purple-theme.yaml:4:', fix: /did you mean "magenta"\?/u },
  { what: 'an unknown field in a theme file', args: ['check', 'talk.md', '--theme', 'field-theme.yaml'], code: 1, where: 'field-theme.yaml:2:', fix: /remove it \(themes\/README\.md lists the fields\)/u },
  { what: 'a theme whose aliases expand too far', args: ['check', 'talk.md', '--theme', 'laughs-theme.yaml'], code: 1, where: 'laughs-theme.yaml: cannot read theme file: its aliases expand too far', fix: /write the values out plainly/u },
  { what: 'front matter nested too deeply', args: ['print', 'deep-front-matter.md'], code: 1, where: 'deep-front-matter.md:3:', fix: /nested too deeply to read; make it flatter/u },
  // Articles for build.
  { what: 'an empty article', args: ['build', 'empty.md', '-o', 'out.md'], code: 1, where: 'empty.md: is empty', fix: /write the article first, or leave it out/u },
  { what: 'a binary article', args: ['build', 'binary.md', '-o', 'out.md'], code: 1, where: 'binary.md: is a binary file', fix: /give a Markdown or plain-text file/u },
  { what: "an article's YAML front matter that does not parse", args: ['build', 'broken-yaml.md', '-o', 'out.md'], code: 1, where: 'broken-yaml.md:3:', fix: /its YAML front matter does not parse: .*; fix the YAML between the `---` lines \(quote a value that holds : # \[ or \{.*\), or remove it/u },
  { what: "an article's TOML front matter that does not parse", args: ['build', 'bad-toml.md', '-o', 'out.md'], code: 1, where: 'bad-toml.md:2:', fix: /its TOML front matter does not parse: unfinished string; fix the TOML between the `\+\+\+` lines/u },
  { what: "an article's front matter never closed", args: ['build', 'open-yaml.md', '-o', 'out.md'], code: 1, where: 'open-yaml.md:1:1: its front matter is never closed', fix: /close it with a line of --- \(add it after the last field\)/u },
  { what: 'an article with no prose', args: ['build', 'only-code.md', '-o', 'out.md'], code: 1, where: 'only-code.md: holds only code', fix: /add paragraphs of text, or leave it out/u },
  // Exports that cannot be made.
  {
    what: 'PDF without Chromium',
    args: ['export', 'talk.md', '-f', 'pdf'],
    env: { TALKDECK_CHROMIUM: '/nonexistent/chromium' },
    code: 1,
    where: 'talk.md: PDF export needs Chromium',
    fix: /Install it with `apt-get install chromium`.*or set TALKDECK_CHROMIUM/u,
  },
  { what: 'a timed format that does not exist', args: ['present', 'talk.md', '--auto-advance', 'fast'], code: 2, where: null, fix: /--auto-advance wants ignite, pechakucha or seconds a slide/u },
  // Options.
  { what: 'a bad --size', args: ['check', 'talk.md', '--size', '80by24'], code: 2, where: null, fix: /--size wants COLUMNSxROWS, like 80x24/u },
  { what: 'a bad --format', args: ['export', 'talk.md', '-f', 'docx'], code: 2, where: null, fix: /Allowed choices are html, pdf, pptx, md, txt, json/u },
  { what: 'a bad --minutes', args: ['rehearse', 'talk.md', '--minutes', '-3'], code: 2, where: null, fix: /--minutes wants a positive number/u },
  { what: 'an unknown dialect', args: ['print', 'talk.md', '--dialect', 'keynote'], code: 2, where: null, fix: /--dialect must be auto or one of talkdeck, presenterm, marp/u },
  { what: 'a misspelt option', args: ['print', 'talk.md', '--widht', '60'], code: 2, where: null, fix: /Did you mean --width\?/u },
  { what: 'the presenter without a terminal', args: ['present', 'talk.md'], code: 2, where: null, fix: /use `talkdeck print talk\.md` for plain text/u },
  { what: 'the presenter without a terminal, on a deck that does not exist', args: ['present', 'nope.md'], code: 1, where: 'nope.md: no such file', fix: /check the path and its spelling/u },
  { what: 'a missing required option', args: ['export', 'talk.md'], code: 2, where: null, fix: /export needs a format: give -f, --format \(html, pdf, pptx, md, txt or json\), or set export\.format in the configuration/u },
  { what: 'a mistyped command', args: ['presnt', 'talk.md'], code: 2, where: null, fix: /unknown command 'presnt'; did you mean 'present'\?/u },
  { what: 'an unknown option like no other', args: ['print', 'talk.md', '--frobnicate'], code: 2, where: null, fix: /run 'talkdeck COMMAND --help' for usage/u },
  { what: 'too many arguments', args: ['themes', 'extra'], code: 2, where: null, fix: /run 'talkdeck COMMAND --help' for usage/u },
  { what: 'build -o --minutes beyond a day', args: ['build', 'article.md', '-o', 'out.md', '--minutes', '5000'], code: 2, where: null, fix: /--minutes wants at most 1440/u },
  // Outputs that cannot be written.
  { what: 'build into a missing folder', args: ['build', 'article.md', '-o', 'nodir/out.md'], code: 1, where: 'nodir/out.md: the folder nodir does not exist', fix: /create it first \(mkdir -p nodir\)/u },
  {
    what: 'a trace file (TALKDECK_TRACE) in a missing folder',
    args: ['present', 'talk.md'],
    tty: true,
    env: { TALKDECK_TRACE: 'nodir/trace.log' },
    code: 1,
    where: 'nodir/trace.log: TALKDECK_TRACE names a file in the folder nodir, which does not exist',
    fix: /create it first \(mkdir -p nodir\)/u,
  },
  { what: 'export into a missing folder', args: ['export', 'talk.md', '-f', 'html', '-o', 'nodir/out.html'], code: 1, where: 'nodir/out.html: the folder nodir does not exist', fix: /create it first \(mkdir -p nodir\)/u },
  { what: 'export onto a directory', args: ['export', 'talk.md', '-f', 'html', '-o', 'decks'], code: 1, where: 'decks: is a directory', fix: /give a file name for -o, e\.g\. decks\/talk\.html/u },
  { what: 'build onto a directory', args: ['build', 'article.md', '-o', 'decks'], code: 1, where: 'decks: is a directory', fix: /give a file name for -o, e\.g\. decks\/talk\.md/u },
  { what: 'export over the deck itself', args: ['export', 'talk.md', '-f', 'md', '-o', 'talk.md'], code: 2, where: '-o talk.md is the deck itself', fix: /choose another -o/u },
  { what: 'build over its own article', args: ['build', 'article.md', '-o', 'article.md'], code: 2, where: '-o article.md would overwrite the article article.md', fix: /choose another -o/u },
  { what: "a file in the way of build's sources folder", args: ['build', 'article.md', '-o', 'blocked/talk.md'], code: 1, where: 'blocked/sources: cannot be written: a file of that name is in the way', fix: /move or rename that file; nothing was written/u },
  // Articles for build that cannot be read.
  { what: 'build with a missing article', args: ['build', 'missing.md', '-o', 'out.md'], code: 1, where: 'missing.md: no such file', fix: /check the path and its spelling/u },
  { what: 'build with a directory for an article', args: ['build', 'decks', '-o', 'out.md'], code: 1, where: 'decks: is a directory, not a file', fix: /give the article files inside it/u },
  // Decks the presenter and check cannot use.
  { what: 'a theme in the front matter that does not exist', args: ['check', 'front-matter-theme.md'], code: 1, where: 'front-matter-theme.md:2:1: theme: nosuchtheme: unknown theme', fix: /built-in themes: dark/u },
  { what: 'a deck without slides, in the presenter', args: ['present', 'empty-deck.md'], tty: true, code: 1, where: 'empty-deck.md: the deck has no slides', fix: /add a heading or some text/u },
  { what: 'an overflowing slide', args: ['check', 'overflow.md'], code: 1, where: 'overflow.md:1:1: slide 1 ("Long") overflows 80x24', fix: /split the slide or shorten it/u },
];

describe('every user-facing error names the file, suggests the fix, exits non-zero, without a stack trace', () => {
  it.each(rows.map((row) => [row.what, row] as const))('%s', (_what, row) => {
    const { code, output } = talkdeck(row.args, { tty: row.tty, env: row.env });
    expect(output).not.toMatch(STACK);
    expect(output).not.toMatch(/internal error/u);
    expect(code, output).toBe(row.code);
    if (row.where !== null) expect(output).toContain(row.where);
    expect(output).toMatch(row.fix);
    // The fix is phrased the common way, not only somewhere in the text.
    expect(output).toMatch(FIX);
  });

});

describe('--debug', () => {
  it('prints the stack trace that is otherwise kept back', () => {
    const plain = talkdeck(['print', 'missing.md']);
    expect(plain.output).not.toMatch(STACK);
    const debug = talkdeck(['print', 'missing.md', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.output).toContain('missing.md: no such file');
    expect(debug.output).toMatch(STACK);
  });
});
