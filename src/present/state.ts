import {
  blocksText,
  clampPosition,
  first,
  goTo,
  last,
  next,
  previous,
  slideText,
  type Deck,
  type Position,
  type Block,
  type Slide,
} from '../deck/index.js';

/** What fills the screen besides the slide. */
export type Overlay =
  | { kind: 'none' }
  | { kind: 'help' }
  | { kind: 'overview'; selected: number }
  /** The search prompt, open from the moment `/` is pressed; `matches` counts the slides that match so far. */
  | { kind: 'search-input'; query: string; matches: number }
  /** The current slide's source passages in context, scrolled by `scroll` lines. */
  | { kind: 'sources'; scroll: number }
  /** Nothing but the background: the audience looks at the speaker. */
  | { kind: 'blank' }
  /** Q&A: a question over the source articles, and the answer selected. */
  | { kind: 'answers'; query: string; selected: number }
  /** One answer's passage on the full screen. */
  | { kind: 'passage'; answer: AnswerView };

/** A passage of a source article found by Q&A (see compile's buildAnswerIndex). */
export interface AnswerView {
  path: string;
  startLine: number;
  endLine: number;
  lines: string[];
  /** 0-based slide citing it, or null. */
  slide: number | null;
  /** Its lines that a slide cites (1-based): highlighted, as in the `s` overlay. */
  cited: number[];
}

/** Searches the deck's source articles; loaded when Q&A is first opened. */
export interface AnswerSearch {
  search(question: string, limit?: number): AnswerView[];
}

export interface SearchState {
  query: string;
  /** 0-based indices of slides that contain the query. */
  matches: number[];
}

export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

/** Where a snippet run is: running, ended (its exit code), stopped, timed out, or unable to start (why in `message`). */
export type ExecStatus = 'running' | 'done' | 'failed' | 'stopped' | 'timed-out' | 'unavailable';

/** One run of a `+exec` block: its output so far (raw, made safe where it is laid out) and how it stands. */
export interface ExecRun {
  status: ExecStatus;
  output: string;
  exitCode: number | null;
  message?: string;
}

export interface PresentState {
  deck: Deck;
  /** Runs of the deck's `+exec` blocks, by block; a reload starts afresh. */
  runs: ReadonlyMap<Block, ExecRun>;
  position: Position;
  overlay: Overlay;
  /** Digits typed so far for a jump (`12` then Enter or G). */
  pendingNumber: string;
  search: SearchState | null;
  banner: Banner | null;
  /** The clock (and auto-advance) stopped by the speaker. */
  paused: boolean;
  quit: boolean;
}

/** Everything that can happen to the presenter: keys mapped to commands, and events from outside. */
export type Command =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'digit'; digit: string }
  | { kind: 'jump' }
  | { kind: 'help' }
  | { kind: 'overview' }
  | { kind: 'overview-move'; delta: number }
  | { kind: 'overview-pick' }
  | { kind: 'close' }
  | { kind: 'sources' }
  | { kind: 'scroll'; delta: number }
  | { kind: 'search-start' }
  | { kind: 'search-type'; text: string }
  | { kind: 'search-erase' }
  | { kind: 'search-submit' }
  | { kind: 'search-next' }
  | { kind: 'search-previous' }
  | { kind: 'blank' }
  | { kind: 'pause' }
  /** Auto-advance: the next slide (not step), nothing on the last. */
  | { kind: 'advance' }
  | { kind: 'answers-start' }
  | { kind: 'answers-type'; text: string }
  | { kind: 'answers-erase' }
  | { kind: 'answers-move'; delta: number }
  /** Enter on an answer: the App looks it up and sends answers-go or answers-show. */
  | { kind: 'answers-pick' }
  | { kind: 'answers-go'; slide: number }
  | { kind: 'answers-show'; answer: AnswerView }
  | { kind: 'reload' }
  | { kind: 'deck-loaded'; deck: Deck }
  | { kind: 'deck-failed'; message: string }
  /** Ctrl-E: run the current slide's `+exec` blocks (the presenter starts them; this changes nothing by itself). */
  | { kind: 'exec' }
  /** Ctrl-C while a snippet runs: stop it, not the presenter. */
  | { kind: 'exec-stop' }
  /** A run's progress, from the snippet runner. */
  | { kind: 'exec-update'; block: Block; run: ExecRun }
  | { kind: 'banner'; banner: Banner | null }
  | { kind: 'quit' };

export function initialState(deck: Deck, position: Position = { slide: 0, step: 0 }): PresentState {
  return {
    deck,
    runs: new Map(),
    position: clampPosition(deck, position),
    overlay: { kind: 'none' },
    pendingNumber: '',
    search: null,
    banner: null,
    paused: false,
    quit: false,
  };
}

/** Each slide's searchable text, lower-cased once: typing a query searches the deck on every key. */
const searchable = new WeakMap<Slide, string>();

function searchText(slide: Slide): string {
  let text = searchable.get(slide);
  if (text === undefined) {
    text = `${slide.title}\n${slideText(slide)}`.toLocaleLowerCase();
    searchable.set(slide, text);
  }
  return text;
}

/** Whether a snippet of the current slide is running (then Ctrl-C stops it rather than the presenter). */
export function isRunning(state: PresentState): boolean {
  for (const run of state.runs.values()) if (run.status === 'running') return true;
  return false;
}

/** Slides (0-based) whose title or text contains the query, ignoring case. */
export function findMatches(deck: Deck, query: string): number[] {
  const needle = query.toLocaleLowerCase();
  if (!needle) return [];
  const matches: number[] = [];
  deck.slides.forEach((slide, index) => {
    if (searchText(slide).includes(needle)) matches.push(index);
  });
  return matches;
}

/** The blocks (and list items) shown at a reveal step. */
function visibleAt(blocks: readonly Block[], step: number): Block[] {
  return blocks
    .filter((block) => block.step <= step)
    .map((block): Block => {
      switch (block.kind) {
        case 'list':
          return { ...block, items: block.items.filter((item) => item.step <= step).map((item) => ({ ...item, blocks: visibleAt(item.blocks, step) })) };
        case 'quote':
        case 'alert':
          return { ...block, blocks: visibleAt(block.blocks, step) };
        case 'columns':
          return { ...block, columns: block.columns.map((column) => visibleAt(column, step)) };
        default:
          return block;
      }
    });
}

/**
 * The first reveal step of a slide at which the query shows on it, ignoring case: a search lands
 * where the match can be seen, not on a step that still hides it. 0 when only the title matches.
 */
export function matchStep(slide: Slide, query: string): number {
  const needle = query.toLocaleLowerCase();
  if (slide.steps <= 1 || slide.title.toLocaleLowerCase().includes(needle)) return 0;
  for (let step = 0; step < slide.steps; step++) {
    if (blocksText(visibleAt(slide.blocks, step)).join('\n').toLocaleLowerCase().includes(needle)) return step;
  }
  return 0;
}

/** Moves; a passing message (info) goes with the slide it was shown on, an error stays until fixed. */
function moveTo(state: PresentState, position: Position): PresentState {
  return { ...state, position, pendingNumber: '', banner: state.banner?.kind === 'info' ? null : state.banner };
}

function searchStep(state: PresentState, direction: 1 | -1): PresentState {
  const search = state.search;
  if (!search || search.matches.length === 0) {
    return { ...state, banner: search ? { kind: 'info', text: `no slide contains "${search.query}"` } : state.banner };
  }
  const current = state.position.slide;
  const ordered = direction === 1 ? search.matches : [...search.matches].reverse();
  const target =
    ordered.find((index) => (direction === 1 ? index > current : index < current)) ?? ordered[0]!;
  const nth = search.matches.indexOf(target) + 1;
  return {
    ...moveTo(state, { slide: target, step: matchStep(state.deck.slides[target]!, search.query) }),
    banner: { kind: 'info', text: `"${search.query}": match ${nth} of ${search.matches.length}` },
  };
}

/** The presenter's whole behaviour: a pure function of the state and a command. */
export function reduce(state: PresentState, command: Command): PresentState {
  const { deck } = state;
  switch (command.kind) {
    case 'next':
      return moveTo(state, next(deck, state.position));
    case 'advance':
      return state.position.slide + 1 < deck.slides.length ? moveTo(state, { slide: state.position.slide + 1, step: 0 }) : state;
    case 'previous':
      return moveTo(state, previous(deck, state.position));
    case 'first':
      return moveTo(state, first());
    case 'last':
      return moveTo(state, last(deck));
    case 'digit':
      return { ...state, pendingNumber: (state.pendingNumber + command.digit).slice(-6) };
    case 'jump':
      return state.pendingNumber ? moveTo(state, goTo(deck, Number(state.pendingNumber))) : state;
    case 'help':
      return { ...state, overlay: state.overlay.kind === 'help' ? { kind: 'none' } : { kind: 'help' }, pendingNumber: '' };
    case 'overview':
      return {
        ...state,
        overlay: state.overlay.kind === 'overview' ? { kind: 'none' } : { kind: 'overview', selected: state.position.slide },
        pendingNumber: '',
      };
    case 'overview-move': {
      if (state.overlay.kind !== 'overview') return state;
      const selected = Math.max(0, Math.min(deck.slides.length - 1, state.overlay.selected + command.delta));
      return { ...state, overlay: { kind: 'overview', selected } };
    }
    case 'overview-pick':
      if (state.overlay.kind !== 'overview') return state;
      return { ...moveTo(state, { slide: state.overlay.selected, step: 0 }), overlay: { kind: 'none' } };
    case 'sources':
      return {
        ...state,
        overlay: state.overlay.kind === 'sources' ? { kind: 'none' } : { kind: 'sources', scroll: 0 },
        pendingNumber: '',
      };
    case 'scroll':
      if (state.overlay.kind !== 'sources') return state;
      return { ...state, overlay: { kind: 'sources', scroll: Math.max(0, state.overlay.scroll + command.delta) } };
    case 'blank':
      return { ...state, overlay: state.overlay.kind === 'blank' ? { kind: 'none' } : { kind: 'blank' }, pendingNumber: '' };
    case 'pause':
      return { ...state, paused: !state.paused };
    case 'close':
      if (state.overlay.kind !== 'none') return { ...state, overlay: { kind: 'none' } };
      return { ...state, search: null, banner: null, pendingNumber: '' };
    case 'search-start':
      return { ...state, overlay: { kind: 'search-input', query: '', matches: 0 }, pendingNumber: '' };
    case 'search-type':
    case 'search-erase': {
      if (state.overlay.kind !== 'search-input') return state;
      const query = command.kind === 'search-type' ? state.overlay.query + command.text : [...state.overlay.query].slice(0, -1).join('');
      return { ...state, overlay: { kind: 'search-input', query, matches: findMatches(deck, query).length } };
    }
    case 'search-submit': {
      if (state.overlay.kind !== 'search-input') return state;
      const query = state.overlay.query;
      const closed: PresentState = { ...state, overlay: { kind: 'none' }, banner: null };
      if (!query) return { ...closed, search: null };
      const search = { query, matches: findMatches(deck, query) };
      // Start from just before the current slide so a match on it counts as the first.
      const from = { ...closed, search, position: { slide: state.position.slide - 1, step: 0 } };
      const found = searchStep(from, 1);
      return search.matches.length === 0 ? { ...found, position: state.position } : found;
    }
    case 'search-next':
      return searchStep(state, 1);
    case 'search-previous':
      return searchStep(state, -1);
    case 'answers-start':
      return { ...state, overlay: { kind: 'answers', query: '', selected: 0 }, pendingNumber: '' };
    case 'answers-type':
      if (state.overlay.kind !== 'answers') return state;
      return { ...state, overlay: { kind: 'answers', query: state.overlay.query + command.text, selected: 0 } };
    case 'answers-erase':
      if (state.overlay.kind !== 'answers') return state;
      return { ...state, overlay: { kind: 'answers', query: [...state.overlay.query].slice(0, -1).join(''), selected: 0 } };
    case 'answers-move':
      if (state.overlay.kind !== 'answers') return state;
      return { ...state, overlay: { ...state.overlay, selected: Math.max(0, state.overlay.selected + command.delta) } };
    case 'answers-pick':
      return state;
    case 'answers-go':
      return { ...moveTo(state, clampPosition(deck, { slide: command.slide, step: 0 })), overlay: { kind: 'none' } };
    case 'answers-show':
      return { ...state, overlay: { kind: 'passage', answer: command.answer } };
    case 'reload':
      return { ...state, banner: { kind: 'info', text: 'reloading…' } };
    case 'deck-loaded': {
      const search = state.search ? { ...state.search, matches: findMatches(command.deck, state.search.query) } : null;
      const overlay =
        state.overlay.kind === 'overview'
          ? { kind: 'overview' as const, selected: Math.min(state.overlay.selected, command.deck.slides.length - 1) }
          : state.overlay;
      return {
        ...state,
        deck: command.deck,
        runs: new Map(),
        position: clampPosition(command.deck, state.position),
        overlay,
        search,
        banner: null,
      };
    }
    case 'deck-failed':
      return { ...state, banner: { kind: 'error', text: command.message } };
    case 'exec':
    case 'exec-stop':
      return state;
    case 'exec-update': {
      const runs = new Map(state.runs);
      runs.set(command.block, command.run);
      return { ...state, runs };
    }
    case 'banner':
      return { ...state, banner: command.banner };
    case 'quit':
      return { ...state, quit: true };
  }
}
