/** text/: small text rules shared by every stage: typo suggestions, the one terminal sanitiser, and how a file's value is named in a message. Imports nothing. */
export { editDistance, closestName, closestMatch } from './suggest.js';
export { escapeControls, sanitizeOutput, isSafePainted, hyperlinkTarget } from './sanitize.js';
export { describeValue, valueAt } from './describe-value.js';
