/**
 * Oppdrag: the list with filters in the URL, server-side sort and cursor pages ("Vis flere"), so the
 * browser never holds more than the pages asked for even with 45 000 assignments; bulk changes for
 * case officers (one owner for many; close those a letter declares lapsed, with one reason).
 */
import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { keepPreviousData, useInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { STATUSES } from '../../../../src/core/register/status.js';
import { callUseCase, type UseCaseInput } from '../../api/client';
import { meQuery, useUseCase } from '../../api/queries';
import { formatDate, formatNumber } from '../../format';
import { canEdit } from '../../layout/identity';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { BulkActions } from './BulkActions';
import { FilterSelect } from './FilterSelect';
import { type AssignmentsSearch, assignmentsRoute } from './route';
import { StatusTags } from './StatusTags';
import { assignmentsTexts as t, kindLabels, statusLabels } from './texts';
import { TableScroll } from './TableScroll';

const PAGE_SIZE = 100;
type SortKey = NonNullable<AssignmentsSearch['sorter']>;

/** A text filter typed into a field reaches the URL (and the server) 250 ms after the last key. */
function useDebouncedParam(value: string | undefined, commit: (v: string | undefined) => void) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  useEffect(() => {
    const next = draft.trim() === '' ? undefined : draft.trim();
    if (next === value) return;
    const h = setTimeout(() => commit(next), 250);
    return () => clearTimeout(h);
    // commit is recreated every render; the draft and the URL value decide.
  }, [draft, value]);
  return [draft, setDraft] as const;
}

export function listInput(s: AssignmentsSearch): UseCaseInput<'listAssignments'> {
  return {
    ...(s.aar !== undefined ? { year: s.aar } : {}),
    ...(s.avdeling !== undefined ? { department: s.avdeling } : {}),
    ...(s.forfalt ? { status: 'forfalt' as const } : s.status !== undefined ? { status: s.status } : {}),
    ...(s.type !== undefined ? { kind: s.type } : {}),
    ...(s.ansvarlig !== undefined ? { owner: s.ansvarlig } : {}),
    ...(s.tekst !== undefined ? { text: s.tekst } : {}),
    sort: s.sorter ?? 'id',
    order: s.rekkefolge ?? 'asc',
    limit: PAGE_SIZE,
  };
}

export function AssignmentsScreen() {
  useDocumentTitle(t.title);
  const search = assignmentsRoute.useSearch();
  const navigate = useNavigate({ from: '/oppdrag' });
  const { data: me } = useSuspenseQuery(meQuery);
  const editor = canEdit(me.principal);
  const setSearch = (patch: Partial<AssignmentsSearch>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const [text, setText] = useDebouncedParam(search.tekst, (v) => setSearch({ tekst: v }));
  const [owner, setOwner] = useDebouncedParam(search.ansvarlig, (v) => setSearch({ ansvarlig: v }));

  const options = useUseCase('dashboard', {});
  const input = listInput(search);
  const list = useInfiniteQuery({
    queryKey: ['use-case', 'listAssignments', 'pages', input],
    queryFn: ({ pageParam, signal }) =>
      callUseCase('listAssignments', { ...input, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const filterKey = JSON.stringify(input);
  useEffect(() => setSelected(new Set()), [filterKey]);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.ref));
  const toggle = (ref: string) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });

  const sortHeader = (key: SortKey, label: string) => {
    const active = (search.sorter ?? 'id') === key;
    const order = search.rekkefolge ?? 'asc';
    return (
      <Table.HeaderCell
        scope="col"
        sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
        onClick={() => setSearch({ sorter: key, rekkefolge: active && order === 'asc' ? 'desc' : 'asc' })}
        title={t.sortBy(label)}
      >
        {label}
      </Table.HeaderCell>
    );
  };

  const years = (options.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }));
  const departments = (options.data?.byDepartment ?? [])
    .filter((d) => d.department !== 'Uten avdeling')
    .map((d) => ({ value: d.department, label: d.department }));
  const filtered = Object.entries(search).some(
    ([k, v]) => v !== undefined && k !== 'sorter' && k !== 'rekkefolge',
  );

  return (
    <>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <section aria-labelledby="oppdrag-filtre" className="styr-filters">
        <Heading level={2} data-size="xs" id="oppdrag-filtre">
          {t.filters}
        </Heading>
        <div className="styr-filter-grid">
          <Textfield
            label={t.text}
            description={t.textDescription}
            value={text}
            onChange={(e) => setText(e.target.value)}
            type="search"
          />
          <FilterSelect
            label={t.year}
            allLabel={t.allYears}
            value={search.aar !== undefined ? String(search.aar) : undefined}
            options={years}
            onChange={(v) => setSearch({ aar: v === undefined ? undefined : Number(v) })}
          />
          <FilterSelect
            label={t.department}
            allLabel={t.allDepartments}
            value={search.avdeling}
            options={departments}
            onChange={(v) => setSearch({ avdeling: v })}
          />
          <FilterSelect
            label={t.status}
            allLabel={t.allStatuses}
            value={search.forfalt ? undefined : search.status}
            options={STATUSES.map((s) => ({ value: s, label: statusLabels[s] ?? s }))}
            onChange={(v) => setSearch({ status: v as AssignmentsSearch['status'] })}
            disabled={search.forfalt ?? false}
            description={search.forfalt ? t.overdueDisablesStatus : undefined}
          />
          <FilterSelect
            label={t.kind}
            allLabel={t.allKinds}
            value={search.type}
            options={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
            onChange={(v) => setSearch({ type: v as AssignmentsSearch['type'] })}
          />
          <Textfield label={t.owner} value={owner} onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="styr-filter-row">
          <Checkbox
            label={t.overdue}
            checked={search.forfalt ?? false}
            onChange={(e) => setSearch({ forfalt: e.target.checked ? true : undefined })}
          />
          {filtered ? (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => void navigate({ search: {}, replace: true })}
            >
              {t.resetFilters}
            </Button>
          ) : null}
        </div>
      </section>

      {editor ? (
        <BulkActions
          selected={[...selected]}
          principal={me.principal}
          onDone={() => setSelected(new Set())}
        />
      ) : null}

      <div aria-live="polite" className="styr-list-status">
        {list.isPending ? <Spinner aria-label={t.loading} data-size="sm" /> : null}
        {list.data ? (
          <Paragraph data-size="sm" data-testid="list-count">
            {total === 0 ? t.none : t.showing(formatNumber(rows.length), formatNumber(total))}
          </Paragraph>
        ) : null}
      </div>
      {list.error ? (
        <Alert data-color="danger">
          {t.failed}: {list.error.message}
        </Alert>
      ) : null}

      {rows.length > 0 ? (
        <TableScroll label={t.tableCaption}>
          <Table data-size="sm" className="styr-assignments" aria-busy={list.isFetching}>
            <caption className="styr-visually-hidden">{t.tableCaption}</caption>
            <Table.Head>
              <Table.Row>
                {editor ? (
                  <Table.HeaderCell scope="col">
                    <Checkbox
                      aria-label={t.selectAll}
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.ref)))}
                    />
                  </Table.HeaderCell>
                ) : null}
                {sortHeader('id', t.colId)}
                {sortHeader('title', t.colTitle)}
                <Table.HeaderCell scope="col">{t.colDepartment}</Table.HeaderCell>
                {sortHeader('year', t.colYear)}
                {sortHeader('status', t.colStatus)}
                {sortHeader('deadline', t.colDeadline)}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((a) => (
                <Table.Row key={a.ref}>
                  {editor ? (
                    <Table.Cell>
                      <Checkbox
                        aria-label={t.selectOne(a.ref)}
                        checked={selected.has(a.ref)}
                        onChange={() => toggle(a.ref)}
                      />
                    </Table.Cell>
                  ) : null}
                  <Table.HeaderCell scope="row" className="styr-nowrap">
                    <Link to="/oppdrag/$ref" params={{ ref: a.ref }}>
                      {a.ref}
                    </Link>
                  </Table.HeaderCell>
                  <Table.Cell>{a.title}</Table.Cell>
                  <Table.Cell>{a.departments.join(', ')}</Table.Cell>
                  <Table.Cell>{a.year ?? ''}</Table.Cell>
                  <Table.Cell>
                    <StatusTags status={a.status} derived={a.derived} confidential={a.confidential} />
                  </Table.Cell>
                  <Table.Cell className="styr-nowrap">{formatDate(a.nextDeadline)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {list.hasNextPage ? (
        <Button
          variant="secondary"
          className="styr-more"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t.showMore}
        </Button>
      ) : null}
    </>
  );
}
