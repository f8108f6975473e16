// The presenter's public face, light enough for the command line's entry: start-up policy lives in
// launch.ts, and the presenter itself (layout, Ink) is loaded from there on demand.
export { launchPresenter, launchNotes, type DeckSource, type ScreenIo, type LaunchOptions, type PresenterHooks } from './launch.js';
export type { KeptStart, EntryStart } from './kept-frame.js';
export type { KeptDeck } from './deck-schema.js';
export type { CacheKey } from './start-cache.js';
export type { PresentState } from './state.js';
export type { SourceReader } from './notes-view.js';
export type { FollowedTime, NotesStatusLine } from './NotesApp.js';
export { ACTIONS, normalizeKeyName, DEFAULT_KEYMAP, withKeys, type Action, type Keymap } from './keymap.js';
export { openFollower, notesChannelDir, type PresenterStatus } from './channel.js';
export type { AnswerSearch, AnswerView } from './state.js';
