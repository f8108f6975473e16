/** Images in the terminal: choosing a protocol, reading and decoding (sharp, loaded on first use), encoding once per size. */
export { ImageStore, findPlacements, type ImageReader, type ImageStoreOptions, type Placement } from './image-store.js';
export { chooseProtocol, protocolFromEnv, protocolFromReply, tmuxWrap, TERMINAL_QUERY, type ImageProtocol, type ProtocolChoice } from './protocol.js';
export { kittySequence, kittyDelete, iterm2Sequence, isGraphics } from './encode.js';
