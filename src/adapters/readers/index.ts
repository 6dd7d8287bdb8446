/** Registers every available reader; import this module (not read-document.ts) to read files. */
export { detectFormat, readDocument } from './read-document.js';
