/** Organisations: the list and a form to add a ministry or an agency. */
import {
  Button,
  Details,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDate } from '../../format';
import { createOrganisation, organisationsQuery } from './api';
import { Notice, useNotice } from './Notice';
import { usersTexts as t } from './texts';

export function OrganisationsTab() {
  const orgs = useQuery(organisationsQuery);
  const queryClient = useQueryClient();
  const notice = useNotice();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setBusy(true);
    try {
      const added = await createOrganisation({
        name: String(form.get('name') ?? ''),
        side: form.get('side') === 'departement' ? 'departement' : 'virksomhet',
      });
      formEl.reset();
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      notice.ok(t.orgAdded(added.name));
    } catch (err) {
      notice.fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Heading level={2} data-size="md">
        {t.orgsHeading}
      </Heading>
      <Notice notice={notice.notice} />
      <Details>
        <Details.Summary>{t.newOrg}</Details.Summary>
        <Details.Content>
          <form onSubmit={(e) => void submit(e)} className="styr-users__form">
            <Textfield label={t.orgName} description={t.orgNameHelp} name="name" required />
            <Field>
              <Label>{t.side}</Label>
              <Select name="side" defaultValue="virksomhet">
                <Select.Option value="virksomhet">{t.sides.virksomhet}</Select.Option>
                <Select.Option value="departement">{t.sides.departement}</Select.Option>
              </Select>
            </Field>
            <div>
              <Button type="submit" disabled={busy}>
                {t.addOrg}
              </Button>
            </div>
          </form>
        </Details.Content>
      </Details>
      {orgs.error ? <Paragraph>{`${t.failed}: ${orgs.error.message}`}</Paragraph> : null}
      <div className="styr-table-scroll" tabIndex={0} role="region" aria-label={t.orgsHeading}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.orgName}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.side}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.createdAt}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {(orgs.data ?? []).map((o) => (
              <Table.Row key={o.id}>
                <Table.HeaderCell scope="row">{o.name}</Table.HeaderCell>
                <Table.Cell>
                  <Tag data-color={o.side === 'departement' ? 'info' : 'neutral'}>{t.sides[o.side]}</Tag>
                </Table.Cell>
                <Table.Cell>{formatDate(o.createdAt)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}
