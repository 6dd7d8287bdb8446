/** `styr extract file.pdf|.docx|.html` reads files from disk (Node Buffers) through the registered readers. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFiles } from '../../src/adapters/cli/extract-command.js';
import { makeDocx, makeHtml, makeImageOnlyPdf, makePdf } from '../helpers/make-documents.js';

describe('extracting files from disk', () => {
  it('reads .pdf, .docx and .html files and reports an unreadable one by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'styr-readers-'));
    const lines = [
      ' 1. Innledning',
      'Helse- og omsorgsdepartementet viser til Prop. 1 S (2024–2025).',
      'Kap.\tPost\tNavn på post\tTildeling 2025',
      '740\t01\tDriftsutgifter\t1 538 891',
    ];
    const files = {
      pdf: join(dir, 'brev.pdf'),
      docx: join(dir, 'brev.docx'),
      html: join(dir, 'brev.html'),
      scan: join(dir, 'skann.pdf'),
    };
    writeFileSync(files.pdf, await makePdf(lines));
    writeFileSync(files.docx, await makeDocx(lines));
    writeFileSync(files.html, makeHtml(lines));
    writeFileSync(files.scan, await makeImageOnlyPdf(1));
    const { results, failures } = await extractFiles(Object.values(files)).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(results.map((r) => [r.source.name, r.source.format])).toEqual([
      ['brev.pdf', 'pdf'],
      ['brev.docx', 'docx'],
      ['brev.html', 'html'],
    ]);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.error).toMatch(/^skann\.pdf: PDF-filen har ikke noe tekstlag/);
  });
});
