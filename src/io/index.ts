/**
 * io/: the one place files are read and written. A confined reader for everything a deck or article
 * points at, the one safe write, and private files for talkdeck's own logs. Imports node built-ins
 * and deck/ only.
 */
export { ReadError, type ReadErrorCode } from './read-error.js';
export { WriteError, type WriteErrorCode } from './write-error.js';
export { readRegularFile, readRegularText, readErrorFrom, formatBytes, READ_LIMITS, KIND_NAMES, type ReadKind, type ReadFileOptions } from './read-file.js';
export { openDeckFolder, isInside, realOrResolved, type DeckFolder, type DeckFolderOptions } from './deck-folder.js';
export { writeFileSafe, writeErrorFrom, type WriteFileOptions } from './write-file.js';
export { editFile, type EditFileOptions } from './edit-file.js';
export { ensurePrivateFolder, openPrivateAppend, readPrivateText, type PrivateFileOptions } from './private-file.js';
