import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSources, groupSourceProblems, planBuild, slideList } from '../../src/compile/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { BUNDLED, CORPUS_DIR, UNIKERNELS_DIR } from './helpers.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const ESSAY = 'en-18f-working-in-public.md';

let dir = '';
beforeAll(() => {
  // An article in one folder, the deck in another: the shape that used to break `check`.
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-build-'));
  mkdirSync(join(dir, 'elsewhere', 'img'), { recursive: true });
  mkdirSync(join(dir, 'talk'));
  copyFileSync(join(UNIKERNELS_DIR, BUNDLED[0] as string), join(dir, 'elsewhere', 'unikernels.md'));
  copyFileSync(join(UNIKERNELS_DIR, BUNDLED[1] as string), join(dir, 'elsewhere', 'report.zh.md'));
  copyFileSync(join(CORPUS_DIR, 'articles', ESSAY), join(dir, 'elsewhere', ESSAY));
  writeFileSync(
    join(dir, 'elsewhere', 'station.md'),
    '# Station\n\nThe station reads its sensors once a minute and logs every reading.\n\nHere is the station on the railing:\n\n![The station](img/station.png)\n\nThe shield keeps the sun off the sensor while air flows through it. A reading that fails is retried once.\n',
  );
  writeFileSync(join(dir, 'elsewhere', 'img', 'station.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function talkdeck(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('planBuild', () => {
  test('articles outside the deck folder are copied into its sources/ and cited there', () => {
    const plan = planBuild({ articles: ['elsewhere/unikernels.md', 'elsewhere/report.zh.md'], output: 'talk/talk.md', cwd: dir });
    expect(plan.copies.map((c) => c.to)).toEqual([join(dir, 'talk', 'sources', 'unikernels.md'), join(dir, 'talk', 'sources', 'report.zh.md')]);
    expect(plan.messages[0]).toMatch(/^talk\/sources\/unikernels\.md: copied from elsewhere\/unikernels\.md/u);
    expect(plan.markdown).toMatch(/<!-- source: sources\/unikernels\.md:/u);
    expect(plan.markdown).not.toMatch(/\.\.\/elsewhere/u);
  });

  test('a different file already at sources/<name> keeps its name; the copy takes the next free one', () => {
    mkdirSync(join(dir, 'other', 'sources'), { recursive: true });
    writeFileSync(join(dir, 'other', 'sources', 'unikernels.md'), 'Someone else\'s notes.\n');
    const plan = planBuild({ articles: ['elsewhere/unikernels.md'], output: 'other/talk.md', cwd: dir });
    expect(plan.copies[0]?.to).toBe(join(dir, 'other', 'sources', 'unikernels-2.md'));
  });

  test('the images an article shows are copied with it, and the slide shows them from there', () => {
    const plan = planBuild({ articles: ['elsewhere/station.md'], output: 'talk/station-talk.md', cwd: dir });
    expect(plan.copies.map((c) => c.to)).toContain(join(dir, 'talk', 'sources', 'img', 'station.png'));
    expect(plan.markdown).toContain('![The station](sources/img/station.png)');
  });

  test('without --minutes the talk takes the articles\' natural length; with too many minutes it says so and suggests a length', () => {
    const natural = planBuild({ articles: [`elsewhere/${ESSAY}`], output: 'talk/essay.md', cwd: dir });
    expect(natural.warnings).toEqual([]);
    expect(natural.minutes).toBe(natural.naturalMinutes);
    const long = planBuild({ articles: [`elsewhere/${ESSAY}`], output: 'talk/essay.md', cwd: dir, minutes: 15 });
    expect(long.warnings[0]).toMatch(new RegExp(`hold about ${natural.naturalMinutes} minutes of talk, less than the 15 asked for.*--minutes ${natural.naturalMinutes}`, 'u'));
  });
});

describe('talkdeck build and check, run as a user would', () => {
  test('build from another folder says what it copied, and the deck passes its own check', () => {
    const built = talkdeck('build', 'elsewhere/unikernels.md', 'elsewhere/report.zh.md', '-o', 'talk/talk.md');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/talk\/sources\/unikernels\.md: copied from elsewhere\/unikernels\.md/u);
    expect(built.stdout).toMatch(/talk\/talk\.md: written from 2 articles: \d+ slides, \d+ minutes \(the articles' natural length\)/u);
    expect(built.stdout).toMatch(/talk\/talk\.md: coverage: \d+% of the articles' \d+ sentences on screen, \d+% only in the notes; \d+ words on screen a minute/u);
    expect(existsSync(join(dir, 'talk', 'sources', 'report.zh.md'))).toBe(true);
    const checked = talkdeck('check', 'talk/talk.md', '--size', '80x24');
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  });

  test('a talk asked longer than its articles hold: a warning on stderr with a length to try', () => {
    const built = talkdeck('build', `elsewhere/${ESSAY}`, '-o', 'talk/essay.md', '--minutes', '15');
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/less than the 15 asked for.*try --minutes \d+/u);
  });

  test('--lang picks the words of the structure slides; an unknown one is a usage error', () => {
    expect(talkdeck('build', 'elsewhere/unikernels.md', '-o', 'talk/zh.md', '--lang', 'zh').code).toBe(0);
    const deck = readFileSync(join(dir, 'talk', 'zh.md'), 'utf8');
    expect(deck).toMatch(/^## 议程$/mu);
    expect(deck).toMatch(/^## 要点$/mu);
    const bad = talkdeck('build', 'elsewhere/unikernels.md', '-o', 'talk/x.md', '--lang', 'klingon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang wants one of en, zh, ja/u);
  });

  test('check groups repeated problems: one line for every citation of a file it cannot read', () => {
    const deck = readFileSync(join(dir, 'talk', 'talk.md'), 'utf8');
    writeFileSync(join(dir, 'talk', 'moved.md'), deck.replaceAll('sources/unikernels.md', 'sources/gone.md'));
    const checked = talkdeck('check', 'talk/moved.md');
    expect(checked.code).toBe(1);
    const lines = checked.stderr.trim().split('\n').filter((l) => l.includes('gone.md'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^talk\/moved\.md:\d+:1: \d+ citations \(slides [\d, -]+\): cannot read the cited file sources\/gone\.md/u);
  });
});

describe('groupSourceProblems', () => {
  test('counts problems with one message once, listing their slides as ranges', () => {
    const deck = parseDeck('# A\n\n<!-- source: sources/x.md:1 #000000000000 "a" -->\n\n---\n\n# B\n\n<!-- source: sources/x.md:2 #000000000000 "b" -->\n\n---\n\n# C\n\n<!-- source: sources/x.md:3 #000000000000 "c" -->\n', { file: 'talk.md' });
    const groups = groupSourceProblems(checkSources(deck, () => null));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 3, slides: [1, 2, 3] });
    expect(slideList([1, 2, 3, 7])).toBe('slides 1-3, 7');
    expect(slideList([4])).toBe('slide 4');
  });
});

describe('the language tools load only for build', () => {
  test('check does not load wink-nlp or jieba; build does', () => {
    const hook = join(dir, 'hook.cjs');
    const log = join(dir, 'loaded.log');
    writeFileSync(
      hook,
      // Modules as they load, and the English model's files as they are read: the batch face
      // (src/cli/batch-face.ts) has wink-nlp bundled, so only the model's files show it loading.
      `const Module = require('node:module'); const fs = require('node:fs'); const load = Module._load; const read = fs.readFileSync;\nconst note = (what) => { if (/wink-nlp|tagger\\.cjs|wink-model|wink-eng-lite|@node-rs\\/jieba/.test(what)) fs.appendFileSync(${JSON.stringify(log)}, what + '\\n'); };\nModule._load = function (request, ...rest) { note(request); return load.call(this, request, ...rest); };\nfs.readFileSync = function (path, ...rest) { if (typeof path === 'string') note(path); return read.call(this, path, ...rest); };\n`,
    );
    const run = (...args: string[]) => spawnSync('node', ['--require', hook, CLI, ...args], { cwd: dir, encoding: 'utf8' });
    rmSync(log, { force: true });
    expect(run('check', 'talk/talk.md').status).toBe(0);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
    expect(run('build', 'elsewhere/unikernels.md', 'elsewhere/report.zh.md', '-o', 'talk/again.md').status).toBe(0);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toMatch(/wink-model\/core\.json|wink-eng-lite-web-model/u);
    expect(loaded).toMatch(/@node-rs\/jieba/u);
  });
});
