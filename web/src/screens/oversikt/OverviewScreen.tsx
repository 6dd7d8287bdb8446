/** Oversikt: the register at a glance for the signed-in user's organisation. */
import { Alert, Card, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useUseCase } from '../../api/queries';
import { formatNumber } from '../../format';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { overviewTexts as t } from './texts';

export function OverviewScreen() {
  useDocumentTitle(t.title);
  const { data, error, isPending } = useUseCase('overview', {});
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      {isPending ? <Spinner aria-label={t.loading} /> : null}
      {error ? (
        <Alert data-color="danger">
          {t.failed}: {error.message}
        </Alert>
      ) : null}
      {data ? (
        <>
          <div className="styr-cards">
            <Card>
              <Paragraph>{t.assignments}</Paragraph>
              <Heading level={2} data-size="md">
                {formatNumber(data.assignments)}
              </Heading>
            </Card>
            <Card>
              <Paragraph>{t.overdue}</Paragraph>
              <Heading level={2} data-size="md">
                {formatNumber(data.overdue)}
              </Heading>
            </Card>
            <Card>
              <Paragraph>{t.dueSoon}</Paragraph>
              <Heading level={2} data-size="md">
                {formatNumber(data.dueSoon)}
              </Heading>
            </Card>
          </div>
          <Heading level={2} data-size="sm">
            {t.byStatus}
          </Heading>
          <div className="styr-table-scroll">
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.status}</Table.HeaderCell>
                  <Table.HeaderCell>{t.count}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {Object.entries(data.byStatus).map(([status, n]) => (
                  <Table.Row key={status}>
                    <Table.Cell>{status}</Table.Cell>
                    <Table.Cell>{formatNumber(n)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      ) : null}
    </>
  );
}
