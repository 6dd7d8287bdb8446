/**
 * DOCX reader: mammoth turns the Word document into semantic HTML (paragraphs, lists, tables), which
 * the HTML walker turns into raw lines. Word's own whitespace is kept, so a tab typed between
 * "Kap.⇥Post⇥Navn" stays a cell separator, and a real Word table becomes one tab-separated line per row.
 */
import mammoth from 'mammoth';
import { causeText, ReadError } from './errors.js';
import { htmlToLines } from './html-lines.js';
import { megabytes } from './limits.js';
import { htmlGuard, readContext, type ReadContext, type ReadLines } from './read-document.js';
import { DOCX_LIMITS, measureInflated, surveyZip, type ZipEntry, zipLimitBroken } from './zip-guard.js';

/** Images are never read: they carry no text, and inflating them costs time and memory. */
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

function corrupt(name: string, detail: string): ReadError {
  return new ReadError(
    'corrupt_docx',
    `${name}: filen kan ikke leses som DOCX (${detail}). Åpne den i Word og lagre den på nytt, eller lagre som PDF.`,
  );
}

/** The parts mammoth opens: XML and relationships. Media are never inflated (see skipImages). */
const isXmlPart = (entry: string): boolean => /\.(?:xml|rels)$/i.test(entry);

/** Refuse archives that would inflate to more than the limits, from the sizes they declare. */
function checkArchive(bytes: Uint8Array, name: string): ZipEntry[] {
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
  return survey.entries;
}

/**
 * Refuse archives whose XML really inflates past the limit, or nests deeper than mammoth can recurse,
 * whatever their directory declares. Word's XML is a few levels deeper than the HTML made of it.
 */
async function checkInflated(bytes: Uint8Array, entries: ZipEntry[], name: string, ctx: ReadContext) {
  const cap = ctx.limits.maxInflatedBytes;
  const maxDepth = 2 * ctx.limits.maxHtmlDepth;
  const m = await measureInflated(bytes, entries, {
    cap,
    maxDepth,
    wanted: isXmlPart,
    check: () => ctx.budget.check(),
  });
  if (m.ok) return;
  if (m.reason === 'depth')
    throw new ReadError(
      'html_too_deep',
      `${name}: DOCX-filen er nestet dypere enn grensen på ${maxDepth} XML-nivåer (${m.entry}; STYR_MAX_HTML_DEPTH × 2). Filen er trolig skadet eller maskinlaget; lagre den på nytt i Word eller som PDF.`,
    );
  throw new ReadError(
    'docx_too_large',
    `${name}: DOCX-filen pakkes ut til mer enn grensen på ${megabytes(cap)} tekst (${m.entry}; STYR_MAX_INFLATED_MB). Lagre dokumentet som PDF eller del det opp.`,
  );
}

export async function readDocx(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext = readContext(name),
): Promise<ReadLines> {
  await checkInflated(bytes, checkArchive(bytes, name), name, ctx);
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
  ctx.budget.check();
  return { lines: htmlToLines(html, { whitespace: 'docx', guard: htmlGuard(name, ctx) }) };
}
