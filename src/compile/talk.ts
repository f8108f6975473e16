/**
 * A planned talk: what each slide shows, says and cites, and how long it takes. The deck writer
 * turns it into deck Markdown.
 */

/** A passage a slide cites: lines of an article and the quote verbatim from them. */
export interface Citation {
  path: string;
  startLine: number;
  endLine: number;
  quote: string;
}

export type TalkSlideKind = 'title' | 'agenda' | 'section' | 'content' | 'takeaways' | 'questions';

export interface TalkBullet {
  text: string;
  /** Lines shown under the bullet (the title slide lists each source's attribution lines). */
  children: string[];
}

/** One paragraph of speaker notes and the citations (indexes into the slide's `sources`) it rests on. */
export interface NotesParagraph {
  /** Words before the passage, e.g. "Also in …:"; empty for a plain passage. */
  lead: string;
  text: string;
  cites: number[];
}

/** A code block, table or image shown on a slide as the article shows it (trimmed to fit). */
export type TalkFigure =
  | { kind: 'code'; lang: string; lines: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'image'; alt: string; src: string; caption: string };

export interface TalkSlide {
  kind: TalkSlideKind;
  title: string;
  /** A line under the title: the author on the title slide, what the section argues on a divider. */
  subtitle: string;
  bullets: TalkBullet[];
  figure?: TalkFigure;
  /** Where the title came from: the passage it was cut from (for the quality report), or '' for a heading or a fixed word. */
  titleSource?: string;
  notes: NotesParagraph[];
  sources: Citation[];
  timeSeconds: number;
}

/** One article of the talk as the front matter lists it. */
export interface TalkSource {
  path: string;
  title: string;
  author: string;
  url: string;
  date: string;
  description: string;
}

export interface Talk {
  title: string;
  subtitle: string;
  author: string;
  date: string;
  /** Language of the structure slides: 'en', 'zh' or 'ja'. */
  lang: string;
  minutes: number;
  sources: TalkSource[];
  slides: TalkSlide[];
}
