/** The image formats an export embeds, by what their bytes say they are. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';

export const IMAGE_MIME: Readonly<Record<ImageType, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

function startsWith(data: Uint8Array, bytes: readonly number[], at = 0): boolean {
  return data.length >= at + bytes.length && bytes.every((byte, i) => data[at + i] === byte);
}

function ascii(data: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...data.subarray(from, to));
}

/**
 * What kind of image the bytes are, by their signature (not the file's name): PNG, JPEG, GIF,
 * WebP, AVIF, or text that starts like an SVG document; null for anything else.
 */
export function detectImageType(data: Uint8Array): ImageType | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (data.length >= 6 && (ascii(data, 0, 6) === 'GIF87a' || ascii(data, 0, 6) === 'GIF89a')) return 'gif';
  if (data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp';
  if (data.length >= 12 && ascii(data, 4, 8) === 'ftyp') {
    // The major brand, then the compatible brands up to the box's end.
    const boxEnd = Math.min(data.length, new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0));
    for (let at = 8; at + 4 <= boxEnd; at += 4) {
      if (at === 12) continue;
      const brand = ascii(data, at, at + 4);
      if (brand === 'avif' || brand === 'avis') return 'avif';
    }
    return null;
  }
  // SVG is text: after a byte-order mark, white space, an XML declaration, comments and a document
  // type without an internal subset (whose entities could expand), an <svg.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 4096)).replace(/^\uFEFF/u, '');
  if (/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE\s+svg[^[>]*>\s*)*<svg[\s>/]/u.test(head)) return 'svg';
  return null;
}
