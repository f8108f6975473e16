// The batch face's script made ASCII (scripts/build.mjs; tested in test/cli/ascii-script.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenizer } from 'acorn';

/**
 * The script as ASCII: Node decodes a pure-ASCII file to a one-byte string at once, while one
 * non-ASCII character makes it decode every byte into a string twice the size (about 8 ms of each
 * start, and its memory). esbuild escapes strings and templates but leaves regular expression
 * literals as written ("作者|译者"); their characters become \\u escapes, which mean the same in a
 * pattern with or without the u flag (an identity escape such as "\\。" becomes "\\u3002", and an
 * astral character a surrogate pair, one code point under u). Anything non-ASCII outside a regular
 * expression literal fails the build.
 */
export function asciiSource(text) {
  let out = '';
  let at = 0;
  for (const token of tokenizer(text, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true })) {
    if (token.type.label !== 'regexp') continue;
    const literal = text.slice(token.start, token.end);
    if (!/[^\x00-\x7f]/u.test(literal)) continue;
    out += text.slice(at, token.start);
    out += literal.replace(/(\\*)([^\x00-\x7f])/gu, (_m, slashes, char) => {
      let escaped = '';
      for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
      return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escaped;
    });
    at = token.end;
  }
  out += text.slice(at);
  const stray = /[^\x00-\x7f]/u.exec(out);
  if (stray) throw new Error(`a non-ASCII character outside a regular expression literal at ${stray.index}: ${JSON.stringify(out.slice(stray.index - 40, stray.index + 10))}`);
  return out;
}

/** Rewrites a built script as ASCII in place; throws naming the file if it cannot. */
export function asciiScript(file) {
  try {
    writeFileSync(file, asciiSource(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`${file}: ${error.message}`);
  }
}
