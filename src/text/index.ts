/** text/: small text rules shared by every stage: typo suggestions and the one terminal sanitiser. Imports nothing. */
export { editDistance, closestName, closestMatch } from './suggest.js';
export { escapeControls, sanitizeOutput, isSafePainted, hyperlinkTarget } from './sanitize.js';
