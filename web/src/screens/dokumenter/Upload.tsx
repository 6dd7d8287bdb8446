/**
 * Upload → preview → import: a drop zone around a labelled file input (so keyboard and screen-reader
 * users pick the file the ordinary way), a dry run with progress, the preview with counts, warnings
 * and the diff against the current version, then the same upload without dryRun.
 */
import { Alert, Button, Heading, Label, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, upload, type UseCaseOutput } from '../../api/client';
import { documentsTexts as t } from './texts';

type ImportOutput = UseCaseOutput<'importDocuments'>;
type Preview = ImportOutput['previews'][number];
type Report = ImportOutput['reports'][number];

const ACCEPT = '.txt,.pdf,.docx,.html,.htm,.md';

function send(files: File[], dryRun: boolean, onProgress: (f: number) => void): Promise<ImportOutput> {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  return upload<ImportOutput>(`/api/documents${dryRun ? '?dryRun=true' : ''}`, form, onProgress);
}

function CountsTable({ counts, caption }: { counts: Record<string, number>; caption: string }) {
  return (
    <Table data-size="sm" className="styr-doc-counts">
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t.kind}</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="styr-num">
            {t.count}
          </Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {Object.entries(counts).map(([k, n]) => (
          <Table.Row key={k}>
            <Table.HeaderCell scope="row">{t.kinds[k] ?? k}</Table.HeaderCell>
            <Table.Cell className="styr-num">{n}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

type DiffCounts = Record<string, { new: number; changed: number; unchanged: number; removed: number }>;

function DiffTable({ counts }: { counts: DiffCounts }) {
  const cols = ['new', 'changed', 'unchanged', 'removed'] as const;
  return (
    <div className="styr-table-scroll" tabIndex={0}>
      <Table data-size="sm">
        <caption>{t.diffCaption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.kind}</Table.HeaderCell>
            {cols.map((c) => (
              <Table.HeaderCell key={c} scope="col" className="styr-num">
                {t.diffColumns[c]}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {Object.entries(counts).map(([k, c]) => (
            <Table.Row key={k}>
              <Table.HeaderCell scope="row">{t.kinds[k] ?? k}</Table.HeaderCell>
              {cols.map((col) => (
                <Table.Cell key={col} className="styr-num">
                  {c[col]}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function AssignmentList({
  heading,
  items,
}: {
  heading: string;
  items: { id: string; title: string; fields: string[] }[];
}) {
  if (items.length === 0) return null;
  return (
    <>
      <Heading level={6} data-size="2xs">
        {heading} ({items.length})
      </Heading>
      <List.Unordered>
        {items.map((a) => (
          <List.Item key={a.id}>
            <strong>{a.id}</strong> {a.title}
            {a.fields.length > 0 ? (
              <>
                {' '}
                <Tag data-size="sm" data-color="warning">
                  {t.changedFields(a.fields.map((f) => t.fields[f] ?? f).join(', '))}
                </Tag>
              </>
            ) : null}
          </List.Item>
        ))}
      </List.Unordered>
    </>
  );
}

function PreviewBlock({ p }: { p: Preview }) {
  return (
    <article className="styr-doc-preview" data-testid="forhandsvisning">
      <Heading level={4} data-size="sm">
        {t.fileTitle(p.file, p.title)}
      </Heading>
      <Paragraph data-size="sm">
        {t.docType[p.type] ?? p.type}, {p.year ?? t.yearUnknown}
      </Paragraph>
      <CountsTable counts={p.counts} caption={t.countsCaption} />
      <Heading level={5} data-size="xs">
        {t.warningsHeading(p.warnings.length)}
      </Heading>
      {p.warnings.length > 0 ? (
        <ul className="styr-doc-warnings">
          {p.warnings.map((w, i) => (
            <li key={i}>
              <Tag data-size="sm" data-color="warning">
                {t.warningLine(w.line)}
              </Tag>{' '}
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      <Heading level={5} data-size="xs">
        {t.diffHeading}
      </Heading>
      {p.unchanged ? (
        <Paragraph>{t.unchanged}</Paragraph>
      ) : p.diff && p.against ? (
        <div data-testid="versjonsdiff">
          <Paragraph>{t.againstVersion(p.against.version)}</Paragraph>
          <DiffTable counts={p.diff.counts} />
          <AssignmentList heading={t.added} items={p.diff.assignments.added} />
          <AssignmentList heading={t.changed} items={p.diff.assignments.changed} />
          <AssignmentList heading={t.removedAssignments} items={p.diff.assignments.removed} />
        </div>
      ) : (
        <Paragraph>{t.newDocument}</Paragraph>
      )}
    </article>
  );
}

function ReportBlock({ r }: { r: Report }) {
  const counts = Object.fromEntries(
    Object.entries(r.counts).map(([k, c]) => [k, c.new + c.changed + c.unchanged]),
  );
  return (
    <div>
      <Heading level={4} data-size="xs">
        {t.fileTitle(r.file, r.title)}
      </Heading>
      <Paragraph>{(t.outcome[r.outcome] ?? t.outcome.new)?.(r.version)}</Paragraph>
      <CountsTable counts={counts} caption={t.countsCaption} />
    </div>
  );
}

export function Upload() {
  const inputId = useId();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ label: (p: number) => string; value: number } | null>(null);
  const [preview, setPreview] = useState<Preview[] | null>(null);
  const [reports, setReports] = useState<Report[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (preview || reports || error) resultRef.current?.focus();
  }, [preview, reports, error]);

  const run = async (chosen: File[], dryRun: boolean) => {
    setError(null);
    setProgress({ label: dryRun ? t.uploading : t.importing, value: 0 });
    try {
      const out = await send(chosen, dryRun, (f) =>
        setProgress((p) => (p ? { ...p, value: Math.round(f * 100) } : p)),
      );
      if (dryRun) {
        setReports(null);
        setPreview(out.previews);
      } else {
        setPreview(null);
        setReports(out.reports);
        setFiles([]);
        if (inputRef.current) inputRef.current.value = '';
        await queryClient.invalidateQueries({ queryKey: ['use-case'] });
      }
    } catch (e) {
      setPreview(null);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const choose = (list: FileList | null) => {
    const chosen = list ? [...list] : [];
    setFiles(chosen);
    setReports(null);
    if (chosen.length > 0) void run(chosen, true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files);
  };
  const cancel = () => {
    setPreview(null);
    setFiles([]);
    if (inputRef.current) {
      inputRef.current.value = '';
      inputRef.current.focus();
    }
  };

  return (
    <section aria-labelledby="dokument-opplasting" className="styr-screen">
      <Heading level={2} data-size="md" id="dokument-opplasting">
        {t.uploadHeading}
      </Heading>
      <Paragraph>{t.uploadIntro}</Paragraph>
      <div
        className={dragging ? 'styr-dropzone is-dragging' : 'styr-dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="slippsone"
      >
        <Label htmlFor={inputId}>{t.fileLabel}</Label>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept={ACCEPT}
          multiple
          className="styr-dropzone__input"
          disabled={progress !== null}
          onChange={(e) => choose(e.target.files)}
        />
        <Paragraph data-size="sm">{t.dropHint}</Paragraph>
      </div>
      <div aria-live="polite">
        {progress ? (
          <div className="styr-progress">
            <progress max={100} value={progress.value} aria-label={t.progressLabel} />
            <span>{progress.label(progress.value)}</span>
          </div>
        ) : null}
      </div>
      <div ref={resultRef} tabIndex={-1} className="styr-doc-result">
        {error ? (
          <Alert data-color="danger" role="alert">
            <Heading level={3} data-size="xs">
              {t.failed}
            </Heading>
            <Paragraph>{error}</Paragraph>
          </Alert>
        ) : null}
        {reports ? (
          <Alert data-color="success" role="status">
            <Heading level={3} data-size="xs">
              {t.reportHeading}
            </Heading>
            {reports.map((r) => (
              <ReportBlock key={`${r.documentId}-${r.version}`} r={r} />
            ))}
          </Alert>
        ) : null}
        {preview ? (
          <div className="styr-screen">
            <Heading level={3} data-size="sm">
              {t.previewHeading}
            </Heading>
            <Paragraph>{t.previewIntro}</Paragraph>
            {preview.map((p, i) => (
              <PreviewBlock key={i} p={p} />
            ))}
            <div className="styr-doc-actions">
              <Button onClick={() => void run(files, false)} disabled={progress !== null}>
                {t.confirm}
              </Button>
              <Button variant="secondary" onClick={cancel} disabled={progress !== null}>
                {t.cancel}
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
