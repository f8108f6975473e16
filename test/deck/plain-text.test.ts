import { describe, expect, it } from 'vitest';
import { blocksText, inlineText, renderBlocks, type BlockRenderer } from '../../src/deck/index.js';
import { block, code, heading, item, list, paragraph, table, text } from '../fixtures/render/slides.js';

const link = { kind: 'link' as const, href: 'https://example.com/', children: [text('site')] };
const blocks = [
  heading(1, 'Title'),
  paragraph([text('See '), link, text(' and '), { kind: 'image', src: 'a.png', alt: 'A' }, { kind: 'break' }, text('then')]),
  list([item('one'), item([paragraph('two'), list([item('nested')])])], true, 3),
  table(['Name', 'Size'], [['nginx', '1 MB']], ['left', 'right']),
  block({ kind: 'alert', alert: 'tip', blocks: [paragraph('Mind it.')] }),
  code('sh', 'echo hi\nexit'),
  block({ kind: 'image', src: 'img/x.png', alt: '' }),
  block({ kind: 'columns', widths: [1, 1], columns: [[paragraph('left')], [paragraph('right')]] }),
  block({ kind: 'rule' }),
];

describe('the plain-text renderer', () => {
  it('reads a deck compactly: a line per paragraph, item and row, links as their text', () => {
    expect(blocksText(blocks)).toEqual([
      'Title',
      'See site and A\nthen',
      '3. one',
      '4. two',
      '  - nested',
      'Name | Size',
      'nginx | 1 MB',
      'Mind it.',
      'echo hi',
      'exit',
      '[image: img/x.png]',
      'left',
      'right',
    ]);
  });

  it('reads inline content with link URLs and image labels when asked', () => {
    expect(inlineText([text('See '), link], { linkUrls: true })).toBe('See site (https://example.com/)');
    expect(inlineText([{ kind: 'image', src: 'a.png', alt: '' }], { imageLabels: true })).toBe('[image: a.png]');
  });
});

describe('the walker', () => {
  it('hands each block to the method for its kind', () => {
    const kinds: BlockRenderer<string> = {
      heading: () => 'heading',
      paragraph: () => 'paragraph',
      list: () => 'list',
      quote: () => 'quote',
      alert: () => 'alert',
      table: () => 'table',
      code: () => 'code',
      rule: () => 'rule',
      image: () => 'image',
      html: () => 'html',
      columns: () => 'columns',
      spacer: () => 'spacer',
      middle: () => 'middle',
    };
    expect(renderBlocks(blocks, kinds)).toEqual(['heading', 'paragraph', 'list', 'table', 'alert', 'code', 'image', 'columns', 'rule']);
  });
});
