/** How much there is to say: words of space-separated scripts and characters of CJK scripts. */
export interface SpeechAmount {
  words: number;
  cjkChars: number;
}

/** Speaking rates; the defaults suit English (130 words a minute) and Chinese (200 characters a minute). */
export interface SpeechRates {
  wordsPerMinute: number;
  cjkCharsPerMinute: number;
}

export const DEFAULT_WORDS_PER_MINUTE = 130;
export const DEFAULT_CJK_CHARS_PER_MINUTE = 200;

// Scripts written without spaces between words: every character is a unit of speech.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
// A word starts with a letter or digit; apostrophes and hyphens inside it keep it whole ("don't", "x-ray").
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

/** Counts the words and CJK characters of a text. */
export function countSpeech(text: string): SpeechAmount {
  const cjkChars = text.match(CJK_CHAR)?.length ?? 0;
  const words = text.replace(CJK_CHAR, ' ').match(WORD)?.length ?? 0;
  return { words, cjkChars };
}

/** Milliseconds it takes to say a text at the given rates. */
export function speechMs(text: string, rates: SpeechRates): number {
  const { words, cjkChars } = countSpeech(text);
  return (words / rates.wordsPerMinute + cjkChars / rates.cjkCharsPerMinute) * 60_000;
}
