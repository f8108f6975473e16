// The presenter's public face. It loads no Ink by itself: the Ink parts are imported on demand.
export { presentDeck, followNotes, paintFirstFrame, type StartOptions } from './start.js';
export type { PresentOptions } from './run.js';
export type { FollowOptions } from './NotesApp.js';
export { initialState, reduce, findMatches, type PresentState, type Command } from './state.js';
export { keyToCommand, splitKeys, KEY_HELP } from './keymap.js';
export { layoutNotesView, layoutSources, layoutCitation, type SourceReader } from './notes-view.js';
export {
  openPublisher,
  openFollower,
  decodeMessage,
  decodePresenterm,
  notesChannelDir,
  notesSocketPath,
  ChannelError,
  PRESENTERM_PORT,
  PRESENTERM_ADDRESS,
} from './channel.js';
