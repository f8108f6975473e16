import { describe, expect, test } from 'vitest';
import { readArticle } from '../../src/compile/article.js';
import { compileTalkDetailed } from '../../src/compile/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { quoteInLines } from './helpers.js';

const ARTICLE = `# Measuring a balcony

The station reads its sensors once a minute and logs every reading to a file. A reading that fails is retried once before it is dropped.

To read the sensor, the logger runs a loop like this:

\`\`\`python
while True:
    reading = sensor.read()
    log.write(reading)
    sleep(60)
\`\`\`

The loop never stops, so a crash restarts it through the service manager.

## Results

We compared three sensors over a month; the table below shows how far each drifted:

| sensor | drift | price |
|---|---|---|
| BME280 | 0.4 °C | 9 € |
| DHT22 | 1.1 °C | 5 € |
| SHT31 | 0.3 °C | 14 € |

The cheapest sensor drifted the most, and the most expensive one drifted the least.

Here is the station on the railing, with its white shield:

![The station on the railing](img/station.jpg "A white radiation shield")

The shield keeps the sun off the sensor while air flows through it.
`;

describe('code, tables and images the article explains reach the slides', () => {
  const compiled = compileTalkDetailed([{ path: 'sources/station.md', text: ARTICLE }], { minutes: 6, localImage: (path) => path === 'sources/img/station.jpg' });
  const deck = parseDeck(compiled.markdown, { file: 'talk.md' });
  const figures = compiled.talk.slides.filter((s) => s.figure);

  test('the loop, the table and the photo are each on a slide', () => {
    expect(figures.map((s) => s.figure?.kind).sort()).toEqual(['code', 'image', 'table']);
    const code = figures.find((s) => s.figure?.kind === 'code')?.figure;
    expect(code).toEqual({ kind: 'code', lang: 'python', lines: ['while True:', '    reading = sensor.read()', '    log.write(reading)', '    sleep(60)'] });
    const table = figures.find((s) => s.figure?.kind === 'table')?.figure;
    expect(table).toEqual({ kind: 'table', header: ['sensor', 'drift', 'price'], rows: [['BME280', '0.4 °C', '9 €'], ['DHT22', '1.1 °C', '5 €'], ['SHT31', '0.3 °C', '14 €']] });
    const image = figures.find((s) => s.figure?.kind === 'image')?.figure;
    expect(image).toEqual({ kind: 'image', alt: 'The station on the railing', src: 'sources/img/station.jpg', caption: 'A white radiation shield' });
  });

  test('each figure is cited by its lines, verbatim', () => {
    for (const slide of figures) {
      const ref = slide.sources[slide.sources.length - 1];
      expect(ref && quoteInLines(ARTICLE, ref.startLine, ref.endLine, ref.quote)).toBe(true);
    }
  });

  test('the deck shows them as a fenced block, a table and an image, and parses cleanly', () => {
    expect(deck.diagnostics).toEqual([]);
    const kinds = deck.slides.flatMap((s) => s.blocks.map((b) => b.kind));
    expect(kinds).toEqual(expect.arrayContaining(['code', 'table', 'image']));
  });

  test('a sentence that points at a figure is a bullet only on the slide that shows it', () => {
    for (const slide of compiled.talk.slides) {
      for (const b of slide.bullets) {
        if (/table below|like this|Here is/u.test(b.text)) expect(slide.figure, b.text).toBeDefined();
      }
    }
  });

  test('a code block too long for a slide shows its first lines and "…" where the rest was; its citation covers only the lines shown', () => {
    const body = Array.from({ length: 12 }, (_, i) => (i === 0 ? 'def drain(queue):' : `    queue.pop(${i})`));
    const long = ARTICLE.replace('while True:\n    reading = sensor.read()\n    log.write(reading)\n    sleep(60)', body.join('\n'));
    const talk = compileTalkDetailed([{ path: 'sources/station.md', text: long }], { minutes: 6 }).talk;
    const slide = talk.slides.find((s) => s.figure?.kind === 'code');
    expect(slide?.figure).toEqual({ kind: 'code', lang: 'python', lines: [...body.slice(0, 7), '    …'] });
    const ref = slide?.sources[slide.sources.length - 1];
    expect(ref && long.split('\n').slice(ref.startLine - 1, ref.endLine)).toEqual(body.slice(0, 7));
    // Eight lines fit whole, with no mark.
    const eight = ARTICLE.replace('while True:\n    reading = sensor.read()\n    log.write(reading)\n    sleep(60)', body.slice(0, 8).join('\n'));
    const fits = compileTalkDetailed([{ path: 'sources/station.md', text: eight }], { minutes: 6 }).talk.slides.find((s) => s.figure?.kind === 'code');
    expect(fits?.figure).toMatchObject({ lines: body.slice(0, 8) });
  });

  test('code that opens its section, right under the heading (a reference page\'s "## Syntax"), is shown with the section\'s first sentence after it, in a subsection too', () => {
    const page = `# console.log()\n\nThe console.log() method outputs a message to the web console of the browser.\n\n## Syntax\n\n\`\`\`js\nconsole.log(val1)\nconsole.log(msg, subst1)\n\`\`\`\n\n### Parameters\n\nThe values are written to the console in the order given, each separated from the next.\n\nA message string may hold substitution strings that the values after it replace in order.\n`;
    const talk = compileTalkDetailed([{ path: 'sources/log.md', text: page }], { minutes: 3 }).talk;
    const slide = talk.slides.find((s) => s.figure?.kind === 'code');
    expect(slide?.figure).toMatchObject({ lines: ['console.log(val1)', 'console.log(msg, subst1)'] });
    expect(slide?.sources.some((r) => r.startLine === 8 && r.endLine === 9)).toBe(true);
  });

  test('a sentence that introduces a later figure keeps it, though a figure opening the section comes before it', () => {
    const page = '# Parsing\n\nThe parser reads a configuration file and reports every error with its line.\n\n## Syntax\n\n```js\nparse(path)\n```\n\nThe call below parses a file with the default options:\n\n```js\nparse("app.toml", {})\n```\n';
    const article = readArticle(0, 'a.md', page);
    const [a, b] = article.figures;
    const intro = article.sentences.findIndex((x) => x.plain.startsWith('The call below'));
    expect(b?.sentence).toBe(intro);
    expect(a?.sentence).not.toBe(intro);
    expect(article.sentences[intro]?.figure).toBe(1);
  });

  test('an image the deck cannot reach (outside its folder, a template, missing) is left out, its sentence too', () => {
    const hidden = compileTalkDetailed([{ path: 'sources/station.md', text: ARTICLE.replace('img/station.jpg', '../../elsewhere/station.jpg') }], { minutes: 6, localImage: () => true });
    expect(hidden.talk.slides.some((s) => s.figure?.kind === 'image')).toBe(false);
    expect(hidden.talk.slides.flatMap((s) => s.bullets.map((b) => b.text)).join('\n')).not.toMatch(/Here is the station/u);
  });
});

describe('lists as CommonMark reads them: what is indented under an item belongs to it', () => {
  const STEPS = [
    '# Run a stateless application',
    '',
    'You can run an application by creating a Deployment object, and you can describe it in a YAML file.',
    '',
    '1. Create a Deployment based on the YAML file:',
    '',
    '        kubectl apply -f https://k8s.io/examples/application/deployment.yaml',
    '',
    '1. List the pods created by the deployment:',
    '',
    '        kubectl get pods -l app=nginx',
    '',
    '    The output is similar to this:',
    '',
    '        NAME                                READY     STATUS',
    '        nginx-deployment-1771418926-7o5ns   1/1       Running',
    '',
    'The preferred way to create a replicated application is to use a Deployment.',
    '',
  ].join('\n');

  test("a numbered step's command, indented under it, is code; the step's own paragraph after it is prose", async () => {
    const { scanBlocks } = await import('../../src/compile/blocks.js');
    const scan = scanBlocks(STEPS.split('\n'));
    const code = scan.figures.filter((f) => f.kind === 'code').map((f) => f.lines.join('\n'));
    expect(code).toContain('kubectl apply -f https://k8s.io/examples/application/deployment.yaml');
    expect(code).toContain('kubectl get pods -l app=nginx');
    expect(code.some((c) => c.startsWith('NAME'))).toBe(true);
    const prose = scan.blocks.map((b) => b.text);
    expect(prose).toContain('The output is similar to this:');
    expect(prose.some((p) => p.includes('kubectl'))).toBe(false);
  });

  test('a nested item is an item of its own, and a fence indented under it is code', async () => {
    const { scanBlocks } = await import('../../src/compile/blocks.js');
    const lines = ['- `CTRL-R` - Paste the selected command from history', '    - Set `FZF_CTRL_R_OPTS` to pass options', '      ```sh', '      export FZF_CTRL_R_OPTS="--height 40%"', '', '      # a comment after a blank line', '      ```', '    - Can be disabled by setting `FZF_CTRL_R_COMMAND`', '- `ALT-C` - cd into the selected directory', ''];
    const scan = scanBlocks(lines);
    expect(scan.blocks.map((b) => b.text)).toEqual(['`CTRL-R` - Paste the selected command from history', 'Set `FZF_CTRL_R_OPTS` to pass options', 'Can be disabled by setting `FZF_CTRL_R_COMMAND`', '`ALT-C` - cd into the selected directory']);
    expect(scan.figures.map((f) => [f.kind, f.lines.join('\n')])).toEqual([['code', 'export FZF_CTRL_R_OPTS="--height 40%"\n\n# a comment after a blank line']]);
  });

  test('no bullet of a talk made from numbered steps is one of their commands', () => {
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: STEPS }], { minutes: 3 });
    const bullets = talk.slides.flatMap((s) => s.bullets.map((b) => b.text));
    expect(bullets.some((b) => /^kubectl/iu.test(b))).toBe(false);
  });
});

describe('decorative pictures are not figures', () => {
  test('a pull quote\'s avatar never reaches a slide', async () => {
    const { decorativeImage } = await import('../../src/compile/plan-talk.js');
    expect(decorativeImage('avatar', 'https://avatars.githubusercontent.com/orta?s=180')).toBe(true);
    expect(decorativeImage('Jane', 'https://www.gravatar.com/avatar/abc')).toBe(true);
    expect(decorativeImage('头像', 'img/a.png')).toBe(true);
    expect(decorativeImage('The scheduler at work', 'img/scheduler.png')).toBe(false);
    const article = [
      '# How to contribute',
      '',
      'Contributing to open source can be a rewarding way to learn, teach, and build experience in just about any skill you can imagine.',
      '',
      '<aside markdown="1" class="pquote">',
      '  <img src="https://avatars.githubusercontent.com/errietta?s=180" class="pquote-avatar" alt="avatar">',
      '  Working on freenode helped me earn many of the skills I later used for my studies.',
      '</aside>',
      '',
      'Even if you like to write code, other types of contributions are a great way to get involved with a project and meet other community members.',
      '',
    ].join('\n');
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: article }], { minutes: 3 });
    expect(JSON.stringify(talk.slides.map((s) => s.figure ?? null))).not.toContain('avatars.githubusercontent.com');
  });
});

test("MDN's definition lists: the definition's \": \" is the list's markup, not its text", async () => {
  const { scanBlocks } = await import('../../src/compile/blocks.js');
  // mdn/content's console.log() reference (CC BY-SA 2.5).
  const scan = scanBlocks(['### Parameters', '', '- `val1` … `valN`', '  - : A list of JavaScript values to output.', '']);
  expect(scan.blocks.map((b) => b.text)).toEqual(['`val1` … `valN`', 'A list of JavaScript values to output.']);
});
