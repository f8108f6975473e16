import {
  clampPosition,
  first,
  goTo,
  last,
  next,
  previous,
  slideText,
  type Deck,
  type Position,
} from '../deck/index.js';

/** What fills the screen besides the slide. */
export type Overlay =
  | { kind: 'none' }
  | { kind: 'help' }
  | { kind: 'overview'; selected: number }
  | { kind: 'search-input'; query: string }
  /** The current slide's source passages in context, scrolled by `scroll` lines. */
  | { kind: 'sources'; scroll: number };

export interface SearchState {
  query: string;
  /** 0-based indices of slides that contain the query. */
  matches: number[];
}

export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

export interface PresentState {
  deck: Deck;
  position: Position;
  overlay: Overlay;
  /** Digits typed so far for a jump (`12` then Enter or G). */
  pendingNumber: string;
  search: SearchState | null;
  banner: Banner | null;
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
  | { kind: 'reload' }
  | { kind: 'deck-loaded'; deck: Deck }
  | { kind: 'deck-failed'; message: string }
  | { kind: 'quit' };

export function initialState(deck: Deck, position: Position = { slide: 0, step: 0 }): PresentState {
  return {
    deck,
    position: clampPosition(deck, position),
    overlay: { kind: 'none' },
    pendingNumber: '',
    search: null,
    banner: null,
    quit: false,
  };
}

/** Slides (0-based) whose title or text contains the query, ignoring case. */
export function findMatches(deck: Deck, query: string): number[] {
  const needle = query.toLocaleLowerCase();
  if (!needle) return [];
  const matches: number[] = [];
  deck.slides.forEach((slide, index) => {
    if (`${slide.title}\n${slideText(slide)}`.toLocaleLowerCase().includes(needle)) matches.push(index);
  });
  return matches;
}

function moveTo(state: PresentState, position: Position): PresentState {
  return { ...state, position, pendingNumber: '' };
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
    ...moveTo(state, { slide: target, step: 0 }),
    banner: { kind: 'info', text: `"${search.query}": match ${nth} of ${search.matches.length}` },
  };
}

/** The presenter's whole behaviour: a pure function of the state and a command. */
export function reduce(state: PresentState, command: Command): PresentState {
  const { deck } = state;
  switch (command.kind) {
    case 'next':
      return moveTo(state, next(deck, state.position));
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
    case 'close':
      if (state.overlay.kind !== 'none') return { ...state, overlay: { kind: 'none' } };
      return { ...state, search: null, banner: null, pendingNumber: '' };
    case 'search-start':
      return { ...state, overlay: { kind: 'search-input', query: '' }, pendingNumber: '' };
    case 'search-type':
      if (state.overlay.kind !== 'search-input') return state;
      return { ...state, overlay: { kind: 'search-input', query: state.overlay.query + command.text } };
    case 'search-erase':
      if (state.overlay.kind !== 'search-input') return state;
      return { ...state, overlay: { kind: 'search-input', query: [...state.overlay.query].slice(0, -1).join('') } };
    case 'search-submit': {
      if (state.overlay.kind !== 'search-input') return state;
      const query = state.overlay.query;
      const closed: PresentState = { ...state, overlay: { kind: 'none' } };
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
        position: clampPosition(command.deck, state.position),
        overlay,
        search,
        banner: null,
      };
    }
    case 'deck-failed':
      return { ...state, banner: { kind: 'error', text: command.message } };
    case 'quit':
      return { ...state, quit: true };
  }
}
