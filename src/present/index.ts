export { presentDeck, runFullScreen, type PresentOptions } from './run.js';
export { followNotes, type FollowOptions } from './NotesApp.js';
export { initialState, reduce, findMatches, type PresentState, type Command } from './state.js';
export { keyToCommand, KEY_HELP } from './keymap.js';
export { layoutNotesView, layoutSources, layoutCitation, type SourceReader } from './notes-view.js';
export { openPublisher, openFollower, decodeMessage, TALKDECK_PORT, PRESENTERM_PORT } from './channel.js';
