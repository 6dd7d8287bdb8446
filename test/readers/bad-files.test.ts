/** Files that cannot be read give a ReadError with a stable code and a Norwegian message naming the file. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/adapters/readers/errors.js';
import { readDocument } from '../../src/adapters/readers/index.js';
import { DOCX_LIMITS, surveyZip, zipLimitBroken } from '../../src/adapters/readers/zip-guard.js';
import { makeDocx, makeImageOnlyPdf, makePdf, makeZip } from '../helpers/make-documents.js';

async function failure(bytes: Uint8Array, name: string): Promise<ReadError> {
  try {
    await readDocument(bytes, name);
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
  throw new Error(`${name} was read without error`);
}

const LINES = ['1. Innledning', 'Helsedirektoratet skal levere innen 1. mars 2025.'];

describe('bad PDF files', () => {
  it('a password-protected PDF is encrypted_pdf', async () => {
    const bytes = await makePdf(LINES, { userPassword: 'hemmelig' });
    const err = await failure(bytes, 'brev.pdf');
    expect(err.code).toBe('encrypted_pdf');
    expect(err.message).toMatch(/^brev\.pdf: .*passordbeskyttet/);
  });

  it('a truncated PDF is corrupt_pdf', async () => {
    const bytes = await makePdf(LINES);
    const err = await failure(bytes.subarray(0, Math.floor(bytes.length / 2)), 'avkuttet.pdf');
    expect(err.code).toBe('corrupt_pdf');
    expect(err.message).toMatch(/^avkuttet\.pdf: .*skadet/);
  });

  it('a .pdf that is not a PDF is corrupt_pdf', async () => {
    const err = await failure(new TextEncoder().encode('Dette er tekst'), 'feil.pdf');
    expect(err.code).toBe('corrupt_pdf');
  });

  it('a PDF with only drawings (a scan) is no_text_layer and advises OCR', async () => {
    const err = await failure(await makeImageOnlyPdf(2), 'skannet.pdf');
    expect(err.code).toBe('no_text_layer');
    expect(err.message).toContain('skannet.pdf');
    expect(err.message).toContain('2 sider');
    expect(err.message).toContain('OCR');
  });
});

describe('bad DOCX files', () => {
  it('random bytes named .docx are corrupt_docx', async () => {
    const err = await failure(new Uint8Array(randomBytes(2048)), 'tilfeldig.docx');
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toMatch(/^tilfeldig\.docx: /);
  });

  it('a ZIP header followed by garbage is corrupt_docx', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    bytes.set(randomBytes(4000), 4);
    const err = await failure(bytes, 'skadet.docx');
    expect(err.code).toBe('corrupt_docx');
  });

  it('a ZIP without word/document.xml is corrupt_docx', async () => {
    const zip = makeZip([{ name: 'hei.txt', data: new TextEncoder().encode('hei') }]);
    const err = await failure(zip, 'ikke-word.docx');
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toContain('word/document.xml');
  });

  it('a truncated DOCX is corrupt_docx', async () => {
    const bytes = await makeDocx(LINES);
    const err = await failure(bytes.subarray(0, bytes.length - 200), 'avkuttet.docx');
    expect(err.code).toBe('corrupt_docx');
  });

  it('a zip bomb (24 MB of zeros packed ~1000:1) is refused before inflating', async () => {
    const huge = new Uint8Array(24 * 1024 * 1024);
    const zip = makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: huge },
    ]);
    expect(zip.length).toBeLessThan(100 * 1024);
    const survey = surveyZip(zip);
    expect(survey.ok && survey.entries.find((e) => e.name === 'word/document.xml')?.uncompressed).toBe(
      24 * 1024 * 1024,
    );
    const started = performance.now();
    const err = await failure(zip, 'bombe.docx');
    expect(err.code).toBe('docx_too_large');
    expect(err.message).toMatch(/^bombe\.docx: .*for stor.*word\/document\.xml/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses archives that declare more than 200 MB in total, even at ordinary ratios', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({
      name: `word/media/image${i}.xml`,
      compressed: 1024 * 1024,
      uncompressed: 10 * 1024 * 1024,
    }));
    expect(zipLimitBroken(entries, DOCX_LIMITS)).toMatch(/250 MB.*200 MB/);
    expect(zipLimitBroken(entries.slice(0, 19), DOCX_LIMITS)).toBeNull();
  });
});

describe('other formats', () => {
  it('a ZIP that is not named .docx is unsupported_format', async () => {
    const zip = makeZip([{ name: 'a.txt', data: new Uint8Array(3) }]);
    const err = await failure(zip, 'arkiv.zip');
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toContain('arkiv.zip');
  });

  it('an old .doc file is unsupported_format with advice', async () => {
    const err = await failure(new TextEncoder().encode('x'), 'gammel.doc');
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toContain('.docx');
  });
});

describe('damaged files never crash the readers', () => {
  it('a PDF or DOCX with random bytes overwritten or cut off is read or refused with a ReadError', async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      i % 10 === 0 ? `Kap.\t${i}\tNavn ${i}` : `Linje ${i} om oppdrag og frister.`,
    );
    const originals: [string, Uint8Array][] = [
      ['skadet.pdf', await makePdf(lines, { header: 'Topptekst', maxRowsPerPage: 25 })],
      ['skadet.docx', await makeDocx(lines)],
    ];
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (const [name, original] of originals) {
      for (let k = 0; k < 30; k++) {
        const bytes = original.slice();
        const hits = 1 + Math.floor(random() * 20);
        for (let j = 0; j < hits; j++)
          bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        const input = random() < 0.2 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
        try {
          const read = await readDocument(input, name);
          expect(Array.isArray(read.rawLines)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ReadError);
          expect((err as ReadError).message).toContain(name);
        }
      }
    }
  });
});
