import type { ImageProtocol } from './protocol.js';

/** An image's pixels: RGBA, 4 bytes a pixel, rows top to bottom. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** kitty's graphics protocol: the PNG sent in chunks of 4096 base64 characters, placed over `columns` × `rows` cells, under image id `id`. */
export function kittySequence(png: Uint8Array, id: number, columns: number, rows: number): string {
  const data = Buffer.from(png).toString('base64');
  const chunks: string[] = [];
  for (let i = 0; i < data.length; i += 4096) chunks.push(data.slice(i, i + 4096));
  if (chunks.length === 0) chunks.push('');
  return chunks
    .map((chunk, i) => {
      const more = i < chunks.length - 1 ? 1 : 0;
      const head = i === 0 ? `a=T,f=100,t=d,i=${id},c=${columns},r=${rows},C=1,q=2,m=${more}` : `m=${more}`;
      return `\x1b_G${head};${chunk}\x1b\\`;
    })
    .join('');
}

/** kitty: deletes image `id` and frees its data. */
export function kittyDelete(id: number): string {
  return `\x1b_Ga=d,d=I,i=${id},q=2\x1b\\`;
}

/** iTerm2's inline image: the PNG, sized to `columns` × `rows` cells. */
export function iterm2Sequence(png: Uint8Array, columns: number, rows: number): string {
  const data = Buffer.from(png).toString('base64');
  return `\x1b]1337;File=inline=1;size=${png.length};width=${columns};height=${rows};preserveAspectRatio=1:${data}\x07`;
}

/** The protocols that draw over the cells after the text is painted. */
export function isGraphics(protocol: ImageProtocol): protocol is 'kitty' | 'iterm2' | 'sixel' {
  return protocol === 'kitty' || protocol === 'iterm2' || protocol === 'sixel';
}
