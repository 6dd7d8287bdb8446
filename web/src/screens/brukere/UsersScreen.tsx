/**
 * Brukere og tilganger (administrators): users with roles and the exempt-access grant, organisations,
 * and the administrator's own API tokens. The server decides whom an administrator may manage.
 */
import { Alert, Heading, Paragraph, Tabs } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { meQuery } from '../../api/queries';
import { isAdministrator } from '../../layout/identity';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { OrganisationsTab } from './OrganisationsTab';
import { USER_TABS } from './route';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';
import { usersTexts as t } from './texts';
import './users.css';

export function UsersScreen() {
  useDocumentTitle(t.title);
  const { data: me } = useSuspenseQuery(meQuery);
  const { fane = 'brukere' } = useSearch({ from: '/innlogget/brukere' });
  const navigate = useNavigate({ from: '/brukere' });
  if (!isAdministrator(me.principal))
    return (
      <>
        <Heading level={1} data-size="lg">
          {t.title}
        </Heading>
        <Alert data-color="warning">{t.notAdmin}</Alert>
      </>
    );
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Tabs
        value={fane}
        onChange={(v) => {
          const tab = USER_TABS.find((x) => x === v);
          void navigate({ search: (s) => ({ ...s, fane: tab === 'brukere' ? undefined : tab }) });
        }}
      >
        <Tabs.List className="styr-users__tabs">
          {USER_TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t.tabs[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="brukere">
          <UsersTab me={me.principal} />
        </Tabs.Panel>
        <Tabs.Panel value="organisasjoner">
          <OrganisationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="nokler">
          <TokensTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
