/**
 * Oppdrag i detalj: the full text with sub-tasks and each deadline, the source lines beside it, the
 * workflow buttons the server says this user may use, the dialogue of notes and answers, owner,
 * deadline change with reason, the timeline across letters and years, and the history of changes.
 */
import { Alert, Heading, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { UseCaseOutput } from '../../api/client';
import { useUseCase } from '../../api/queries';
import { formatDate, formatDateTime } from '../../format';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { StatusTags } from '../oppdrag/StatusTags';
import '../oppdrag/assignments.css';
import { EditPanels } from './EditPanels';
import { assignmentRoute } from './route';
import { detailTexts as t } from './texts';
import { useEdit } from './useEdit';
import { TableScroll } from '../oppdrag/TableScroll';

export type Assignment = UseCaseOutput<'showAssignment'>;
type Entry = Assignment['timeline'][number];

const PERSON_KINDS = new Set(['status', 'owner', 'deadline_change', 'note', 'answer']);

/** When: a document's date («15. mars 2025») or a person's timestamp (with the time of day). */
function when(e: Entry) {
  return /^\d{4}-\d{2}-\d{2}$/.test(e.at) ? formatDate(e.at) : formatDateTime(e.at);
}

function Sources({ a }: { a: Assignment }) {
  return (
    <section aria-labelledby="kilde">
      <Heading level={2} data-size="sm" id="kilde">
        {t.source}
      </Heading>
      <Paragraph data-size="sm">{t.sourceIntro}</Paragraph>
      {a.sources.map((s, i) => (
        <article key={i} className="styr-source">
          <Heading level={3} data-size="2xs">
            {s.document.label}
            {s.section ? `, ${t.section(s.section)}` : ''}, {t.sourceLines(s.lines[0], s.lines[1])}
          </Heading>
          <div className="styr-meta">
            {s.sourceName && s.format ? <span>{t.sourceFile(s.sourceName, s.format)}</span> : null}
            {!s.inCurrentVersion ? (
              <Tag data-color="warning" data-size="sm">
                {t.droppedSource}
              </Tag>
            ) : null}
          </div>
          {s.format === 'pdf' ? <Paragraph data-size="xs">{t.pdfNoPage}</Paragraph> : null}
          <p className="styr-source-text">
            {s.printedId} {s.title}
            {s.body ? `\n${s.body}` : ''}
          </p>
        </article>
      ))}
    </section>
  );
}

function Deadlines({ a }: { a: Assignment }) {
  return (
    <section aria-labelledby="frister" className="styr-section">
      <Heading level={2} data-size="sm" id="frister">
        {t.deadlines}
      </Heading>
      {a.deadlines.length === 0 ? (
        <Paragraph>{t.noDeadlines}</Paragraph>
      ) : (
        <TableScroll label={t.deadlines}>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.colPart}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colDate}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colText}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {a.deadlines.map((d, i) => (
                <Table.Row key={i}>
                  <Table.HeaderCell scope="row">{d.part ?? t.wholeAssignment}</Table.HeaderCell>
                  <Table.Cell className="styr-nowrap">{formatDate(d.date)}</Table.Cell>
                  <Table.Cell>{d.text}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

function Timeline({ entries }: { entries: Entry[] }) {
  const fromDocuments = entries.filter((e) => e.document !== null);
  return (
    <section aria-labelledby="tidslinje" className="styr-section">
      <Heading level={2} data-size="sm" id="tidslinje">
        {t.timeline}
      </Heading>
      <ol className="styr-list">
        {fromDocuments.map((e, i) => (
          <li key={i}>
            <strong>{when(e)}</strong> – {e.document?.title}: {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

function History({ entries }: { entries: Entry[] }) {
  const byPeople = entries.filter((e) => e.actor !== null && PERSON_KINDS.has(e.kind)).reverse();
  return (
    <section aria-labelledby="historikk" className="styr-section">
      <Heading level={2} data-size="sm" id="historikk">
        {t.history}
      </Heading>
      {byPeople.length === 0 ? (
        <Paragraph>{t.noHistory}</Paragraph>
      ) : (
        <TableScroll label={t.history}>
          <Table data-size="sm" data-testid="history">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.colWhen}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colWho}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.colWhat}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {byPeople.map((e, i) => (
                <Table.Row key={i}>
                  <Table.HeaderCell scope="row" className="styr-nowrap">
                    {when(e)}
                  </Table.HeaderCell>
                  <Table.Cell>{e.actor}</Table.Cell>
                  <Table.Cell className="styr-body">{e.text}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

export function AssignmentScreen() {
  const { ref } = assignmentRoute.useParams();
  const { data: a, error, isPending } = useUseCase('showAssignment', { id: ref });
  useDocumentTitle(a ? `${a.ref} ${a.title}` : ref);
  const edit = useEdit();
  if (isPending)
    return (
      <>
        <Heading level={1} data-size="lg">
          {ref}
        </Heading>
        <Spinner aria-label={t.loading} />
      </>
    );
  if (!a)
    return (
      <>
        <Heading level={1} data-size="lg">
          {ref}
        </Heading>
        <Alert data-color="danger">
          {t.failed}: {error?.message}
        </Alert>
        <Link to="/oppdrag">{t.back}</Link>
      </>
    );
  return (
    <>
      <Link to="/oppdrag">{t.back}</Link>
      <Heading level={1} data-size="lg" className="styr-detail-title">
        {a.ids.join(' / ')} {a.title}
      </Heading>
      <div className="styr-meta" data-testid="status">
        <StatusTags status={a.status} derived={a.derived} confidential={a.confidential} />
        {a.departments.length > 0 ? (
          <span>
            {t.departments}: {a.departments.join(', ')}
          </span>
        ) : null}
        <span>
          {t.owners}: {a.owners.length > 0 ? a.owners.join(', ') : t.noOwner}
        </span>
        <span>{t.version(a.version)}</span>
      </div>
      {!a.inCurrentVersion ? <Alert data-color="warning">{t.notCurrent}</Alert> : null}

      <div ref={edit.outcomeRef} tabIndex={-1} aria-live="polite" className="styr-outcome">
        {edit.outcome ? (
          <Alert data-color={edit.outcome.ok ? 'success' : edit.outcome.conflict ? 'warning' : 'danger'}>
            {edit.outcome.text}
          </Alert>
        ) : null}
      </div>

      <div className="styr-two-col">
        <div>
          <section aria-labelledby="tekst">
            <Heading level={2} data-size="sm" id="tekst">
              {t.text}
            </Heading>
            <Paragraph className="styr-body">{a.body || t.noText}</Paragraph>
            {a.parts.length > 0 ? (
              <>
                <Heading level={3} data-size="xs">
                  {t.parts}
                </Heading>
                <ul className="styr-list">
                  {a.parts.map((p) => (
                    <li key={p.label}>
                      <strong>{p.label}</strong> {p.text}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <Deadlines a={a} />
        </div>
        <Sources a={a} />
      </div>

      <EditPanels a={a} edit={edit} />
      <Timeline entries={a.timeline} />
      <History entries={a.timeline} />
    </>
  );
}
