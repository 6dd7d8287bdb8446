/**
 * The frame of every signed-in screen: skip link, header with the user's role and organisation, the main
 * menu and the footer. Screens render into <main id="hovedinnhold">, which the skip link targets.
 */
import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { logout } from '../api/client';
import { meQuery } from '../api/queries';
import { describePrincipal, isAdministrator } from './identity';
import { layoutTexts as t } from './texts';

const NAV = [
  { to: '/', label: t.nav.oversikt },
  { to: '/oppdrag', label: t.nav.oppdrag },
  { to: '/dokumenter', label: t.nav.dokumenter },
  { to: '/mal', label: t.nav.mal },
  { to: '/budsjett', label: t.nav.budsjett },
  { to: '/kalender', label: t.nav.kalender },
  { to: '/sok', label: t.nav.sok },
  { to: '/statistikk', label: t.nav.statistikk },
] as const;

export function AppLayout() {
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await logout().catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/logg-inn', search: { neste: undefined } });
  };
  return (
    <>
      <SkipLink href="#hovedinnhold">{t.skipLink}</SkipLink>
      <header className="styr-header">
        <div className="styr-header__brand">
          <Link to="/" className="styr-logo">
            {t.appName}
          </Link>
          <span className="styr-tagline">{t.appTagline}</span>
        </div>
        <div className="styr-header__user">
          <Paragraph data-size="sm" className="styr-identity">
            <span className="styr-visually-hidden">{t.signedInAs} </span>
            <strong>{me.principal.displayName}</strong>
            <span className="styr-identity__role" data-testid="identity">
              {describePrincipal(me.principal)}
            </span>
          </Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void signOut()}>
            {t.logout}
          </Button>
        </div>
      </header>
      <nav aria-label={t.navLabel} className="styr-nav">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                activeOptions={{ exact: item.to === '/' }}
                activeProps={{ 'aria-current': 'page' }}
              >
                {item.label}
              </Link>
            </li>
          ))}
          {isAdministrator(me.principal) ? (
            <li>
              <Link to="/brukere" activeProps={{ 'aria-current': 'page' }}>
                {t.nav.brukere}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <main id="hovedinnhold" tabIndex={-1} className="styr-main">
        <Outlet />
      </main>
      <footer className="styr-footer">
        <Link to="/tilgjengelighet">{t.accessibility}</Link>
        <a href="/api/docs">{t.apiDocs}</a>
      </footer>
    </>
  );
}
