export { deckToJson, exportJson, type JsonDeck, type JsonSlide } from './json.js';
