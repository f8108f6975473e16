import { describe, expect, test } from 'vitest';
import { bulletLength, condenseBullet, condenseSentence, danglingReference, fragmentBullet } from '../../src/compile/condense.js';
import { stripMarkup } from '../../src/compile/inline.js';
import { contentWords } from '../../src/compile/tokens.js';

function condense(raw: string, max = 150): string[] {
  return condenseSentence(stripMarkup(raw, new Map()).text, max).map((b) => b.text);
}

describe('condenseSentence', () => {
  test.each<[string, string, string]>([
    ['keeps link text, drops the target', 'A [unikernel](https://en.wikipedia.org/wiki/Unikernel) runs in privileged mode.', 'A unikernel runs in privileged mode'],
    ['drops parenthetical asides, nested too', 'Apps run (and (mostly) work) on any host.', 'Apps run on any host'],
    ['drops asides between a pair of dashes', 'This takes a thorny problem — secret management — and makes it nastier.', 'This takes a thorny problem and makes it nastier'],
    ['drops connectives that open a sentence', 'And yes, unikernels often run new or different software.', 'Unikernels often run new or different software'],
    ['keeps "?" and "!"', 'Good news: apps kinda work!', 'Good news: apps kinda work!'],
    ['drops emphasis markers and images', 'It is **entirely** _undebuggable_ ![x](y.png) today.', 'It is entirely undebuggable today'],
    ['does not glue words where markup was', 'the[principle of least privilege](https://x.org) is violated', 'The principle of least privilege is violated'],
    ['drops bare URLs', 'Read the full report https://example.org/a before the meeting.', 'Read the full report before the meeting'],
    ['unwraps a sentence that is one aside', '(This is in stark contrast to containers.)', 'This is in stark contrast to containers'],
    ['Chinese asides and full stops', '开发人员不能使用许多常见的实用程序——如 ps 或 htop——来跟踪程序进度。', '开发人员不能使用许多常见的实用程序来跟踪程序进度'],
  ])('%s', (_name, raw, expected) => {
    expect(condense(raw)[0]).toBe(expected);
  });

  test('a long sentence gives runs of clauses that fit, each from the sentence', () => {
    const raw =
      'The primary reason to implement functionality in the operating system kernel is for performance: by avoiding a context switch across the user-kernel boundary, operations that rely upon transit across that boundary can be made faster.';
    const bullets = condense(raw, 100);
    expect(bullets.length).toBeGreaterThan(0);
    const source = new Set(contentWords(raw));
    for (const b of bullets) {
      expect(b.length).toBeLessThanOrEqual(100);
      expect(contentWords(b).filter((w) => !source.has(w))).toEqual([]);
    }
    expect(bullets).toContain('The primary reason to implement functionality in the operating system kernel is for performance');
  });

  test('a sentence with too little substance gives nothing', () => {
    expect(condense('So, what now?')).toEqual([]);
  });
});

describe('condenseBullet: one thought, short enough to read at a glance', () => {
  const bullets = (raw: string) => condenseBullet(stripMarkup(raw, new Map()).text).map((b) => b.text);

  test('a long sentence gives clauses of at most 20 words, and the clause that carries the point is among them', () => {
    const raw =
      'But it would be a mistake to measure the size of a unikernel only in terms of its code, and here too unikernel proponents ignore the details of the larger system: because a unikernel runs as a guest operating system, the DRAM allocated by the hypervisor for that guest is consumed in its entirety — even if the app itself isn’t making use of it.';
    const out = bullets(raw);
    for (const b of out) expect(bulletLength(b)).toBeLessThanOrEqual(20);
    expect(out).toContain('The DRAM allocated by the hypervisor for that guest is consumed in its entirety');
    const source = new Set(contentWords(raw));
    for (const b of out) expect(contentWords(b).filter((w) => !source.has(w))).toEqual([]);
  });

  test('a first-person aside is no bullet; a first-person frame is dropped from a claim', () => {
    expect(bullets('(I am personally a huge fan of Alpine Linux as a very lean user-land substrate for Linux apps.)')).toEqual([]);
    expect(bullets('In the fullness of time, I think that unikernels will be most productive as a negative result.')).toContain('Unikernels will be most productive as a negative result');
  });

  test('a Chinese reporting frame goes, the claim stays', () => {
    expect(bullets('坎特里尔警告说，甚至连 unikernels 所谓的性能和安全优势都值得怀疑。')[0]).toBe('甚至连 unikernels 所谓的性能和安全优势都值得怀疑');
    expect(bullets('“UNIX 内核是完全不可否认的，”他总结道。')[0]).toBe('“UNIX 内核是完全不可否认的”');
  });

  test('code spans are kept byte for byte', () => {
    expect(bullets('The return type of `File::open` is a `Result<T, E>` value.')[0]).toBe('The return type of `File::open` is a `Result<T, E>` value');
  });

  test('no clause is cut inside a list ("blogs, marketing, and e-commerce") or left on "only if"', () => {
    for (const b of bullets('Astro is the web framework for building content-driven websites like blogs, marketing, and e-commerce, and it is fast because it renders on the server.')) {
      expect(b).not.toMatch(/marketing$|blogs$/u);
    }
    for (const b of bullets("Astro's server-first approach allows you to opt in to client-side rendering only if, and exactly as, necessary.")) expect(b).not.toMatch(/\b(?:only|if)$/u);
  });
});

describe('fragmentBullet: a bullet is a thought, not a piece of one', () => {
  test('a clause cut before its end, its sentence going on, is a fragment', () => {
    const source = 'We scanned all the projects we could find and discovered that many were affected.';
    expect(fragmentBullet('We scanned all the projects we could find and discovered', source)).toBe(true);
    expect(fragmentBullet('We scanned all the projects', source)).toBe(false);
  });

  test('a subordinate clause without its main clause is a fragment; with it, not', () => {
    expect(fragmentBullet('If the perception persists that one must type', '')).toBe(true);
    expect(fragmentBullet('If you use vim-plug, add this line to your config', '')).toBe(false);
  });

  test('Chinese: an adverbial alone, a piece without a verb, or one that lost its speaker', () => {
    expect(fragmentBullet('在任何情况下', '')).toBe(true);
    expect(fragmentBullet('1 月 27 日星期三', '')).toBe(true);
    expect(fragmentBullet('指出 Cantrill 淡化了单核可能带来的性能提升', '')).toBe(true);
    expect(fragmentBullet('单核可以提高应用程序的性能', '')).toBe(false);
  });

  test('a list item may be a phrase', () => {
    expect(fragmentBullet('1 月 27 日星期三', '', true)).toBe(false);
  });

  test('condenseBullet gives no fragment', () => {
    const source = 'We scanned all the projects we could find and discovered that many were affected.';
    for (const b of condenseBullet(stripMarkup(source, new Map()).text)) expect(fragmentBullet(b.text, source)).toBe(false);
  });
});

describe('danglingReference', () => {
  test.each(["I've provided a short summary table here", 'you could do something like:', 'The table below lists them', '输出如下：', '如下图所示'])('"%s" points at something to show', (text) => {
    expect(danglingReference(text)).toBe(true);
  });

  test('a plain claim points at nothing', () => {
    expect(danglingReference('Unikernels are entirely undebuggable')).toBe(false);
  });
});

describe('openers and placeholders', () => {
  const bullets = (raw: string) => condenseBullet(stripMarkup(raw, new Map()).text).map((b) => b.text);

  test('a Chinese connective goes only as a word of its own: 同时 (meanwhile) opens "同时，…", not "同时期的…" (of the same period)', () => {
    const same = bullets('同时期的杂志上的一则广告承诺，家用计算机将“让您的孩子在学校享有不公平的优势”。');
    expect(same).toContain('同时期的杂志上的一则广告承诺');
    expect(same.filter((b) => b.startsWith('期'))).toEqual([]);
    expect(bullets('同时，家用计算机的广告承诺让孩子在学校享有不公平的优势。').some((b) => b.startsWith('家用计算机'))).toBe(true);
  });

  test('a template placeholder no one filled in is the page\'s machinery: it leaves the text, and stays in code', () => {
    expect(stripMarkup('TiDB 是 {{{.company }}} 公司自主设计、研发的开源分布式关系型数据库。', new Map()).text).toBe('TiDB 是 公司自主设计、研发的开源分布式关系型数据库。');
    expect(stripMarkup('Include it with {% include note.html %} in the page.', new Map()).text).toBe('Include it with in the page.');
    expect(stripMarkup('The site is {{ .Site.Title }} and more.', new Map()).text).toBe('The site is and more.');
    expect(stripMarkup('The title prints with `{{ .Title }}` in a template.', new Map()).text).toBe('The title prints with `{{ .Title }}` in a template.');
    // What may be the subject itself stays: Vue's interpolation, a Python set of sets.
    expect(stripMarkup('In Vue, {{ message }} interpolates the value of message.', new Map()).text).toBe('In Vue, {{ message }} interpolates the value of message.');
    expect(stripMarkup('A set literal {{1, 2}} is not hashable in Python.', new Map()).text).toBe('A set literal {{1, 2}} is not hashable in Python.');
  });
});

describe('news prose: datelines, descriptions beside a name, quotations, participle phrases', () => {
  test('dropDateline: where and when in capitals, then a dash, is not the sentence', async () => {
    const { dropDateline } = await import('../../src/compile/condense.js');
    expect(dropDateline('NODE.JS INTERACTIVE 2016, AUSTIN, TX., Nov. 30, 2016 — The Node.js Foundation today announced Snyk.')).toBe('The Node.js Foundation today announced Snyk.');
    expect(dropDateline('SAN FRANCISCO, March 3, 2020 /PRNewswire/ -- Acme today announced a thing.')).toBe('Acme today announced a thing.');
    expect(dropDateline('The release of Kubernetes v1.30 — the cutest release — is here.')).toBe('The release of Kubernetes v1.30 — the cutest release — is here.');
  });

  test('dropAppositive: a description beside a name goes, an opener with a clause does not', async () => {
    const { dropAppositive } = await import('../../src/compile/condense.js');
    expect(dropAppositive('The Node.js Foundation, a community-led and industry-backed consortium to advance the development of the Node.js platform, today announced Snyk as its newest member.')).toBe('The Node.js Foundation today announced Snyk as its newest member.');
    expect(dropAppositive('Additionally, the staff at the FBI worked closely with 18F throughout the design process, participated in usability testing, and showed patience.')).toBe('Additionally, the staff at the FBI worked closely with 18F throughout the design process, participated in usability testing, and showed patience.');
    expect(dropAppositive('However, a new scheduler, which is faster, was added.')).toBe('However, a new scheduler, which is faster, was added.');
  });

  test('a quotation keeps its speaker, condensed, and never reads as a fact of its own', () => {
    const out = condenseBullet('“Snyk is focused on securing the vast module ecosystem that makes Node.js one of the most powerful runtime platforms today,” said Guy Podjarny, CEO and co-founder of Snyk.').map((b) => b.text);
    expect(out.length).toBeGreaterThan(0);
    for (const text of out) expect(text).toMatch(/^“.+” — Guy Podjarny$/u);
  });

  test('a participle phrase after a noun goes when the bullet is long: "… platform powering everything from …"', () => {
    const out = condenseBullet('With more than 15 million downloads per month, Node.js is considered the biggest open source platform powering everything from web, IoT and desktop applications to microservice architectures.').map((b) => b.text);
    expect(out).toContain('Node.js is considered the biggest open source platform');
  });
});

describe('code is not an aside', () => {
  // The corpus's fzf README (junegunn/fzf, MIT): shell commands and functions in code spans, in list items.
  const item = (raw: string) => condenseBullet(stripMarkup(raw, new Map()).text, { fragment: true }).map((b) => b.text);
  test('a parenthesis or a pair of dashes inside a code span stays, byte for byte; outside code, asides still go', () => {
    expect(item('`vim ~/**<tab>` runs `fzf_compgen_path()` with the prefix (`~/`) as the first argument')[0]).toBe('`vim ~/**<tab>` runs `fzf_compgen_path()` with the prefix as the first argument');
    expect(item('Or by setting `--walker`, `--walker-root`, and `--walker-skip` options in `$FZF_DEFAULT_OPTS`')[0]).toBe(
      'Or by setting `--walker`, `--walker-root`, and `--walker-skip` options in `$FZF_DEFAULT_OPTS`',
    );
    for (const b of item('zsh: `FZF_CTRL_R_COMMAND= FZF_ALT_C_COMMAND= source <(fzf --zsh)`')) expect(b).toContain('<(fzf --zsh)`');
  });
});
