import qrcode from 'qrcode-terminal';

/** A QR code of `text` in half-block characters (two modules a cell row), dark on a light border; no escape sequences. */
export function terminalQr(text: string): string {
  let out = '';
  qrcode.generate(text, { small: true }, (code: string) => {
    out = code;
  });
  return out.endsWith('\n') ? out : `${out}\n`;
}
