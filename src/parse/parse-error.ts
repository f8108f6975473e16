import { LocatedError } from '../deck/index.js';

/**
 * A deck that cannot be read at all (missing, a directory, unreadable). Problems inside a deck
 * are never thrown: they are diagnostics on the Deck.
 */
export class ParseError extends LocatedError {
  override readonly name = 'ParseError';
}
