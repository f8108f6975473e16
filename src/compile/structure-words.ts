/**
 * The words of the slides the compiler adds around an article's content (agenda, takeaways,
 * questions, the lead of a supporting passage in the notes), in each language a talk can be given
 * in: the main article's, or `--lang`.
 */
export const STRUCTURE_WORDS = {
  en: { agenda: 'Agenda', takeaways: 'Takeaways', questions: 'Questions?', alsoIn: 'Also in' },
  zh: { agenda: '议程', takeaways: '要点', questions: '提问', alsoIn: '另见' },
  ja: { agenda: 'アジェンダ', takeaways: 'まとめ', questions: '質疑応答', alsoIn: '参照' },
} as const;

export type TalkLanguage = keyof typeof STRUCTURE_WORDS;

/** The languages `--lang` accepts. */
export const TALK_LANGUAGES = Object.keys(STRUCTURE_WORDS) as TalkLanguage[];

/** Whether a `--lang` value names a language talkdeck can give a talk in. */
export function isTalkLanguage(value: string): value is TalkLanguage {
  return (TALK_LANGUAGES as string[]).includes(value);
}
