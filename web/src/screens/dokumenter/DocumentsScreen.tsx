/**
 * Documents: upload with preview and diff (case officers and administrators), the list of documents
 * with their versions, and removal of a wrong version (administrators, with a reason).
 */
import {
  Alert,
  Button,
  Details,
  Dialog,
  Heading,
  Paragraph,
  Table,
  Tag,
  Textarea,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, callUseCase, type UseCaseOutput } from '../../api/client';
import { meQuery, useUseCase } from '../../api/queries';
import { formatDate, formatDateTime } from '../../format';
import { canEdit, isAdministrator } from '../../layout/identity';
import { QueryState } from '../../layout/QueryState';
import { YearSelect } from '../../layout/YearSelect';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { documentsRoute } from './route';
import { documentsTexts as t } from './texts';
import { Upload } from './Upload';
import './documents.css';

type Doc = UseCaseOutput<'listDocuments'>[number];

interface Removal {
  doc: Doc;
  version: number;
}

function RemoveDialog({
  removal,
  onClose,
  onRemoved,
}: {
  removal: Removal | null;
  onClose: () => void;
  onRemoved: (message: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (removal) setError(null);
  }, [removal]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!removal) return;
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    if (!reason) {
      setError(t.reasonMissing);
      return;
    }
    setBusy(true);
    try {
      await callUseCase('removeDocumentVersion', { id: removal.doc.id, version: removal.version, reason });
      onRemoved(t.removed(removal.version, removal.doc.label));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      ref={ref}
      open={removal !== null}
      modal
      onClose={onClose}
      closeButton={t.close}
      aria-labelledby="fjern-versjon-tittel"
    >
      {removal ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="styr-screen">
          <Heading level={2} data-size="sm" id="fjern-versjon-tittel">
            {t.removeHeading(removal.version, removal.doc.label)}
          </Heading>
          <Paragraph>{t.removeIntro}</Paragraph>
          <Field>
            <Label htmlFor={reasonId}>{t.reason}</Label>
            <Textarea id={reasonId} name="reason" rows={3} aria-invalid={error ? true : undefined} />
            {error ? <ValidationMessage>{error}</ValidationMessage> : null}
          </Field>
          <div className="styr-doc-actions">
            <Button type="submit" data-color="danger" disabled={busy}>
              {t.removeConfirm}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}

function Versions({ doc, admin, onRemove }: { doc: Doc; admin: boolean; onRemove: (r: Removal) => void }) {
  return (
    <Details>
      <Details.Summary>{t.versionsSummary(doc.versions.length)}</Details.Summary>
      <Details.Content>
        <div className="styr-table-scroll" tabIndex={0}>
          <Table data-size="sm">
            <caption className="styr-visually-hidden">{t.versionsCaption(doc.label)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.versionColumns.version}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.versionColumns.importedAt}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.versionColumns.importedBy}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.versionColumns.file}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.versionColumns.sha}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="styr-num">
                  {t.versionColumns.warnings}
                </Table.HeaderCell>
                {admin ? <Table.HeaderCell scope="col">{t.versionColumns.action}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {doc.versions.map((v) => (
                <Table.Row key={v.version}>
                  <Table.HeaderCell scope="row">
                    {v.version}{' '}
                    {v.version === doc.currentVersion ? (
                      <Tag data-size="sm" data-color="success">
                        {t.current}
                      </Tag>
                    ) : null}
                  </Table.HeaderCell>
                  <Table.Cell>{formatDateTime(v.importedAt)}</Table.Cell>
                  <Table.Cell>{v.importedBy}</Table.Cell>
                  <Table.Cell>{v.sourceName}</Table.Cell>
                  <Table.Cell>
                    <code title={v.sha256}>{v.sha256.slice(0, 12)}</code>
                  </Table.Cell>
                  <Table.Cell className="styr-num">{v.warnings}</Table.Cell>
                  {admin ? (
                    <Table.Cell>
                      <Button
                        data-size="sm"
                        variant="secondary"
                        data-color="danger"
                        onClick={() => onRemove({ doc, version: v.version })}
                      >
                        {t.remove(v.version)}
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </Details.Content>
    </Details>
  );
}

export function DocumentsScreen() {
  useDocumentTitle(t.title);
  const { data: me } = useSuspenseQuery(meQuery);
  const search = documentsRoute.useSearch();
  const navigate = useNavigate({ from: '/dokumenter' });
  const queryClient = useQueryClient();
  const docs = useUseCase('listDocuments', {});
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const admin = isAdministrator(me.principal);
  const years = [...new Set((docs.data ?? []).map((d) => d.year).filter((y) => y !== null))].sort(
    (a, b) => b - a,
  );
  const shown = (docs.data ?? []).filter((d) => search.ar === undefined || d.year === search.ar);

  return (
    <div className="styr-screen">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {canEdit(me.principal) ? <Upload /> : null}

      <section aria-labelledby="dokument-liste" className="styr-screen">
        <Heading level={2} data-size="md" id="dokument-liste">
          {t.listHeading}
        </Heading>
        <div ref={messageRef} tabIndex={-1} aria-live="polite">
          {message ? (
            <Alert data-color="success">
              <Paragraph>{message}</Paragraph>
            </Alert>
          ) : null}
        </div>
        <QueryState isPending={docs.isPending} error={docs.error} loadingText={t.loading} />
        {years.length > 1 ? (
          <YearSelect
            label={t.yearFilter}
            years={years}
            value={search.ar}
            allLabel={t.allYears}
            onChange={(ar) => void navigate({ search: { ar } })}
          />
        ) : null}
        {docs.data && shown.length === 0 ? <Paragraph>{t.noDocuments}</Paragraph> : null}
        <ul className="styr-doc-list">
          {shown.map((d) => (
            <li key={d.id} className="styr-doc-item" data-testid="dokument">
              <Heading level={3} data-size="xs">
                {d.label}
              </Heading>
              <Paragraph data-size="sm">
                {[
                  t.docType[d.type] ?? d.type,
                  d.year ?? t.yearUnknown,
                  d.date ? `${t.columns.date} ${formatDate(d.date)}` : null,
                  [d.ministry, d.agency].filter(Boolean).join(' → ') || null,
                  `${t.columns.version} ${d.currentVersion}`,
                ]
                  .filter((x) => x !== null)
                  .join(' · ')}
              </Paragraph>
              <Versions doc={d} admin={admin} onRemove={setRemoval} />
            </li>
          ))}
        </ul>
      </section>
      <RemoveDialog
        removal={removal}
        onClose={() => setRemoval(null)}
        onRemoved={(m) => {
          setRemoval(null);
          setMessage(m);
          void queryClient.invalidateQueries({ queryKey: ['use-case'] });
        }}
      />
    </div>
  );
}
