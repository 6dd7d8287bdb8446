/** The signed-in user's API tokens: create (shown once), list, revoke. */
import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../format';
import { createToken, revokeToken, tokensQuery, type ApiTokenView } from './api';
import { Notice, useNotice } from './Notice';
import { usersTexts as t } from './texts';

export function TokensTab() {
  const tokens = useQuery(tokensQuery);
  const queryClient = useQueryClient();
  const notice = useNotice();
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['accounts', 'tokens'] });

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    setBusy(true);
    try {
      const created = await createToken({ name: String(new FormData(formEl).get('name') ?? '') });
      formEl.reset();
      refresh();
      setSecret(created.token);
      notice.ok(t.tokenCreated(created.name));
    } catch (err) {
      setSecret(null);
      notice.fail(err);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (tok: ApiTokenView) => {
    try {
      await revokeToken(tok.id);
      refresh();
      setSecret(null);
      notice.ok(t.tokenRevoked(tok.name));
    } catch (err) {
      notice.fail(err);
    }
  };

  return (
    <>
      <Heading level={2} data-size="md">
        {t.tokensHeading}
      </Heading>
      <Paragraph>{t.tokensIntro}</Paragraph>
      <Notice notice={notice.notice}>
        {secret ? (
          <Paragraph>
            {t.tokenValue}: <code data-testid="token-secret">{secret}</code>
          </Paragraph>
        ) : null}
      </Notice>
      <form onSubmit={(e) => void submit(e)} className="styr-users__form">
        <Textfield label={t.tokenName} description={t.tokenNameHelp} name="name" required />
        <div>
          <Button type="submit" disabled={busy}>
            {t.createToken}
          </Button>
        </div>
      </form>
      {tokens.data && tokens.data.length === 0 ? <Paragraph>{t.noTokens}</Paragraph> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <div className="styr-table-scroll" tabIndex={0} role="region" aria-label={t.tokensHeading}>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.tokenName}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.createdAt}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.lastUsed}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.state}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.actions}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tokens.data.map((tok) => (
                <Table.Row key={tok.id}>
                  <Table.HeaderCell scope="row">{tok.name}</Table.HeaderCell>
                  <Table.Cell>{formatDateTime(tok.createdAt)}</Table.Cell>
                  <Table.Cell>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t.never}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={tok.revokedAt ? 'danger' : 'success'}>
                      {tok.revokedAt ? t.revoked : t.active}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {tok.revokedAt ? null : (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => void revoke(tok)}
                        aria-label={t.revoke(tok.name)}
                      >
                        {t.revokeShort}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </>
  );
}
