/**
 * DOCX reader: mammoth turns the Word document into semantic HTML (paragraphs, lists, tables), which
 * the HTML walker turns into raw lines. Word's own whitespace is kept, so a tab typed between
 * "Kap.⇥Post⇥Navn" stays a cell separator, and a real Word table becomes one tab-separated line per row.
 */
import mammoth from 'mammoth';
import { causeText, ReadError } from './errors.js';
import { htmlToLines } from './html-lines.js';
import type { ReadLines } from './read-document.js';
import { DOCX_LIMITS, surveyZip, zipLimitBroken } from './zip-guard.js';

/** Images are never read: they carry no text, and inflating them costs time and memory. */
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

function corrupt(name: string, detail: string): ReadError {
  return new ReadError(
    'corrupt_docx',
    `${name}: filen kan ikke leses som DOCX (${detail}). Åpne den i Word og lagre den på nytt, eller lagre som PDF.`,
  );
}

/** Refuse archives that would inflate to more than the limits, from the sizes they declare. */
function checkArchive(bytes: Uint8Array, name: string): void {
  const survey = surveyZip(bytes);
  if (!survey.ok) throw corrupt(name, 'ZIP-arkivet mangler innholdsfortegnelse');
  if (!survey.entries.some((e) => e.name === 'word/document.xml'))
    throw corrupt(name, 'arkivet mangler word/document.xml');
  const broken = zipLimitBroken(survey.entries, DOCX_LIMITS);
  if (broken)
    throw new ReadError(
      'docx_too_large',
      `${name}: DOCX-filen er for stor til å pakkes ut trygt (${broken}). Lagre dokumentet som PDF eller del det opp.`,
    );
}

export async function readDocx(bytes: Uint8Array, name: string): Promise<ReadLines> {
  checkArchive(bytes, name);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: skipImages, ignoreEmptyParagraphs: false, externalFileAccess: false },
    );
    html = result.value;
  } catch (err) {
    throw corrupt(name, causeText(err));
  }
  return { lines: htmlToLines(html, { whitespace: 'docx' }) };
}
