import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHtml } from '../../src/export/index.js';
import { embedImages } from '../../src/export/images.js';
import { detectImageType } from '../../src/export/image-type.js';
import { sanitizeSvg } from '../../src/export/sanitize-svg.js';
import { openDeckFolder, type ReadError } from '../../src/io/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { theme } from './helpers.js';

/**
 * Images in exports: read through the deck's folder (never a link out of it), only regular files,
 * and embedded only when their bytes are an image; SVG reduced to drawing.
 */

const DOT = resolve('test/fixtures/export/img/dot.png');
let dir = '';
const passwd = readFileSync('/etc/passwd');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-images-'));
  copyFileSync(DOT, join(dir, 'dot.png'));
  // A JPEG named .png: embedded as what it is.
  writeFileSync(join(dir, 'photo.png'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
  writeFileSync(join(dir, 'text.png'), 'not an image at all\n');
  symlinkSync('/etc/passwd', join(dir, 'logo.png'));
  symlinkSync('/etc/passwd', join(dir, 'x.svg'));
  symlinkSync('/dev/urandom', join(dir, 'noise.gif'));
  execFileSync('mkfifo', [join(dir, 'pipe.webp')]);
  mkdirSync(join(dir, 'folder.png'));
  writeFileSync(join(dir, 'safe.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function deckWith(sources: string[]) {
  return parseDeck(sources.map((src, i) => `# Slide ${i + 1}\n\n![image ${i + 1}](${src})\n`).join('\n---\n\n'), { file: join(dir, 'talk.md') });
}

describe('embedImages', () => {
  it('embeds images in the folder by what their bytes are', async () => {
    const images = await embedImages(deckWith(['dot.png', 'photo.png', 'safe.svg']));
    expect(images.get('dot.png')).toMatch(/^data:image\/png;base64,/u);
    expect(images.get('photo.png')).toMatch(/^data:image\/jpeg;base64,/u);
    expect(images.get('safe.svg')).toMatch(/^data:image\/svg\+xml;base64,/u);
  });

  it('leaves out links out of the folder, devices, pipes, folders and files that are not images, saying why', async () => {
    const problems: ReadError[] = [];
    const deck = deckWith(['logo.png', 'x.svg', 'noise.gif', 'pipe.webp', 'folder.png', 'text.png', '../../etc/passwd.png']);
    const images = await embedImages(deck, { onProblem: (problem) => problems.push(problem) });
    expect([...images.keys()]).toEqual([]);
    expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual([
      'OUTSIDE logo.png',
      'OUTSIDE x.svg',
      'OUTSIDE noise.gif',
      'NOT_REGULAR pipe.webp',
      'EISDIR folder.png',
      'NOT_IMAGE text.png',
      'ENOENT ../../etc/passwd.png',
    ]);
    // Even when the deck is trusted with files outside its folder, a device is not read.
    const trusted = await embedImages(deck, { folder: openDeckFolder(dir, { allowOutside: true }), onProblem: (problem) => problems.push(problem) });
    expect(trusted.has('noise.gif')).toBe(false);
    expect(trusted.has('logo.png')).toBe(false);
  });

  it('an HTML export of a deck whose logo links to /etc/passwd carries none of it', async () => {
    const html = await exportHtml(deckWith(['logo.png', 'x.svg']), { theme: theme('dark') });
    expect(html).not.toContain(passwd.toString('base64').slice(0, 40));
    expect(html).toContain('[image: image 1]');
  });
});

describe('detectImageType', () => {
  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'png'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xdb], 'jpeg'],
    ['GIF', [...Buffer.from('GIF89a'), 1, 0], 'gif'],
    ['WebP', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')], 'webp'],
    ['AVIF', [0, 0, 0, 20, ...Buffer.from('ftypavif'), 0, 0, 0, 0, ...Buffer.from('mif1')], 'avif'],
    ['an MP4 in disguise', [0, 0, 0, 20, ...Buffer.from('ftypisom'), 0, 0, 0, 0, ...Buffer.from('mp41')], null],
    ['SVG', [...Buffer.from('<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"/>')], 'svg'],
    ['SVG with a plain DOCTYPE', [...Buffer.from('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg/>')], 'svg'],
    ['HTML', [...Buffer.from('<html><script>alert(1)</script></html>')], null],
    ['text', [...Buffer.from('root:x:0:0:root:/root:/bin/bash\n')], null],
    ['nothing', [], null],
  ])('%s', (_name, bytes, expected) => {
    expect(detectImageType(Uint8Array.from(bytes as number[]))).toBe(expected);
  });
});

describe('sanitizeSvg', () => {
  const svg = (body: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${body}</svg>`;

  it('keeps the drawing: shapes, text, gradients, references to its own parts', () => {
    const drawing = svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="4" height="4" fill="url(#g)"/><use href="#g"/><text x="1" y="2">Hi &amp; bye</text>', ' viewBox="0 0 4 4"');
    expect(sanitizeSvg(drawing)).toBe(drawing);
  });

  it.each([
    ['a script', svg('<script>alert(1)</script><rect/>'), '<rect/>'],
    ['an event handler', svg('<rect onclick="alert(1)" onload="x()" width="1"/>', ' onload="alert(2)"'), '<rect width="1"/>'],
    ['a foreign object', svg('<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="file:///etc/passwd"/></foreignObject><circle r="1"/>'), '<circle r="1"/>'],
    ['an external image', svg('<image href="file:///etc/passwd"/><image xlink:href="http://example.com/x.png"/><circle r="2"/>'), '<circle r="2"/>'],
    ['an external use', svg('<use href="http://example.com/a.svg#x"/><use xlink:href="other.svg#y"/>'), '<use/><use/>'],
    ['animation that rewrites a link', svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><rect/></a>'), '<rect/>'],
    ['a remote url() in a fill or a style', svg('<rect fill="url(http://example.com/p)" style="fill: url(https://e.com/x)"/><style>@import url(http://e.com/a.css);</style>'), '<rect/>'],
    ['a link, kept as its content', svg('<a href="javascript:alert(1)"><text>t</text></a>'), '<text>t</text>'],
    ['an xml-stylesheet and comments', `<?xml-stylesheet href="http://e.com/s.css"?>${svg('<!-- hi --><rect/>')}`, '<rect/>'],
  ])('removes %s', (_name, input, body) => {
    const out = sanitizeSvg(input);
    expect(out).not.toBeNull();
    expect(out).toMatch(new RegExp(`^<svg xmlns="http://www\\.w3\\.org/2000/svg" xmlns:xlink="http://www\\.w3\\.org/1999/xlink">${body.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')}</svg>$`, 'u'));
  });

  it.each([
    ['entities', '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'],
    ['ill-formed XML', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'],
    ['another root', '<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>'],
    ['groups nested 30,000 deep (no stack overflow)', `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(30_000)}${'</g>'.repeat(30_000)}</svg>`],
  ])('refuses %s', (_name, input) => {
    expect(sanitizeSvg(input)).toBeNull();
  });
});
