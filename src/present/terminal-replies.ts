/**
 * Swallows what a terminal says back to a query (OSC 11's colour, the DA1 answer) when it
 * arrives after the query stopped waiting for it: Ink hands such a reply on as keys (`\x1b]`,
 * then `11;rgb:…`), whose digits and letters would move the talk. Fed every input event; true
 * means the event is part of a reply and is not a key.
 */
export function createReplyFilter(): (input: string) => boolean {
  let inString = false;
  return (input) => {
    if (inString) {
      if (input.includes('\x07') || input.endsWith('\x1b\\')) inString = false;
      return true;
    }
    // An operating system command (OSC) or device control string (DCS), terminated by BEL or ST.
    if (input.startsWith('\x1b]') || input.startsWith('\x1bP')) {
      const body = input.slice(2);
      inString = !(body.includes('\x07') || body.endsWith('\x1b\\'));
      return true;
    }
    // Device attributes: ESC [ ? … c.
    return /^\x1b\[\?[\d;]*c$/u.test(input);
  };
}
