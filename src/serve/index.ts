/**
 * serve/: the audience server. The deck's HTML export followed live over Server-Sent Events, each
 * slide's cited passages one click away (read through the deck's confined reader), and a remote
 * page for a phone behind a random token. Loaded only by `talkdeck serve` and `present --serve`.
 */
export { startAudienceServer, ServeError, type AudienceServer, type AudienceStatus, type ServeOptions, type RemoteCommand } from './server.js';
export { terminalQr } from './qr.js';
