/**
 * Søk: Norwegian full-text search over assignments, goals and budget lines with highlighted snippets.
 * The query and every filter live in the URL (route.tsx); the server decides what the viewer may see.
 */
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef } from 'react';
import type { UseCaseInput, UseCaseOutput } from '../../api/client';
import { useCaseQuery } from '../../api/queries';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { snippetParts } from './highlight';
import { SEARCH_STATUSES, searchParams } from './route';
import { searchTexts as t } from './texts';
import './search.css';

const LIMIT = 50;
type Hit = UseCaseOutput<'search'>[number];

function Snippet({ text }: { text: string }) {
  return (
    <Paragraph className="styr-search__snippet">
      {snippetParts(text).map((p, i) =>
        p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </Paragraph>
  );
}

function HitTitle({ hit }: { hit: Hit }) {
  const label = `${hit.ref} ${hit.title}`;
  if (hit.kind === 'assignment')
    return (
      <Link to="/oppdrag/$ref" params={{ ref: hit.ref }}>
        {label}
      </Link>
    );
  return <Link to={hit.kind === 'goal' ? '/mal' : '/budsjett'}>{label}</Link>;
}

function SearchHitItem({ hit }: { hit: Hit }) {
  const name = hit.document.title ?? hit.document.type;
  const year = hit.document.year;
  const doc = year !== null && !name.includes(String(year)) ? `${name}, ${year}` : name;
  return (
    <li className="styr-search__hit" data-testid="search-hit">
      <Heading level={3} data-size="xs">
        <HitTitle hit={hit} />
      </Heading>
      <div className="styr-search__tags">
        <Tag data-color="neutral">{t.kind[hit.kind]}</Tag>
        {hit.status ? (
          <Tag data-color="info">
            {t.statusLabel}: {hit.status}
          </Tag>
        ) : null}
        {hit.inCurrentVersion === false ? <Tag data-color="warning">{t.notCurrent}</Tag> : null}
      </div>
      <Snippet text={hit.snippet} />
      <Paragraph data-size="sm" className="styr-search__doc">
        {t.document}: {doc}
      </Paragraph>
    </li>
  );
}

export function SearchScreen() {
  useDocumentTitle(t.title);
  const search = useSearch({ from: '/innlogget/sok' });
  const navigate = useNavigate({ from: '/sok' });
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const submitted = useRef(false);

  const input: UseCaseInput<'search'> = {
    q: search.q ?? '',
    limit: LIMIT,
    ...(search.year !== undefined ? { year: search.year } : {}),
    ...(search.department !== undefined ? { department: search.department } : {}),
    ...(search.status !== undefined ? { status: search.status } : {}),
  };
  const { data, error, isFetching } = useQuery({ ...useCaseQuery('search', input), enabled: !!search.q });

  // After a search, focus moves to the results heading, so a screen reader user hears the outcome.
  useEffect(() => {
    if (submitted.current && data && !isFetching) {
      submitted.current = false;
      resultsRef.current?.focus();
    }
  }, [data, isFetching]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = searchParams.parse({
      q: String(form.get('q') ?? ''),
      year: String(form.get('year') ?? ''),
      department: String(form.get('department') ?? ''),
      status: String(form.get('status') ?? ''),
    });
    submitted.current = true;
    void navigate({ search: next });
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <form
        role="search"
        aria-label={t.formLabel}
        onSubmit={submit}
        className="styr-search__form"
        key={JSON.stringify(search)}
      >
        <Textfield
          label={t.query}
          description={t.queryHelp}
          name="q"
          type="search"
          defaultValue={search.q ?? ''}
          className="styr-search__query"
        />
        <div className="styr-search__filters">
          <Textfield
            label={t.year}
            description={t.yearHelp}
            name="year"
            inputMode="numeric"
            defaultValue={search.year !== undefined ? String(search.year) : ''}
          />
          <Textfield
            label={t.department}
            description={t.departmentHelp}
            name="department"
            defaultValue={search.department ?? ''}
          />
          <Field>
            <Label>{t.status}</Label>
            <Field.Description>{t.statusHelp}</Field.Description>
            <Select name="status" defaultValue={search.status ?? ''}>
              <Select.Option value="">{t.statusAll}</Select.Option>
              {SEARCH_STATUSES.map((s) => (
                <Select.Option key={s} value={s}>
                  {s}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="styr-search__actions">
          <Button type="submit">{t.submit}</Button>
          <Button variant="secondary" type="button" onClick={() => void navigate({ search: {} })}>
            {t.clear}
          </Button>
        </div>
      </form>

      <section aria-labelledby="sok-treff" className="styr-search__results">
        <Heading level={2} data-size="md" id="sok-treff" ref={resultsRef} tabIndex={-1}>
          {t.results}
        </Heading>
        <div aria-live="polite" aria-atomic="true" data-testid="search-status">
          {!search.q ? <Paragraph>{t.empty}</Paragraph> : null}
          {search.q && isFetching ? <Spinner aria-label={t.searching} data-size="sm" /> : null}
          {search.q && error ? (
            <Alert data-color="danger">
              {t.failed}: {error.message}
            </Alert>
          ) : null}
          {search.q && data && !isFetching ? (
            <Paragraph>{data.length === 0 ? t.none(search.q) : t.count(data.length, search.q)}</Paragraph>
          ) : null}
          {search.q && data && !isFetching && data.length === LIMIT ? (
            <Paragraph data-size="sm">{t.capped(LIMIT)}</Paragraph>
          ) : null}
        </div>
        {search.q && data && data.length > 0 ? (
          <ol className="styr-search__hits">
            {data.map((hit) => (
              <SearchHitItem key={`${hit.kind}:${hit.ref}:${hit.document.id}`} hit={hit} />
            ))}
          </ol>
        ) : null}
      </section>
    </>
  );
}
