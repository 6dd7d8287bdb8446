/**
 * Sign-in: username and password against /api/auth/login, and the OpenID Connect button when the
 * server has a provider configured (the server answers /api/auth/oidc/login with a redirect).
 */
import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { SignInMethods } from '../../../../src/app/auth/oidc-config.js';
import { ApiError, login, request } from '../../api/client';
import { meQuery } from '../../api/queries';
import { loginTexts as t } from './texts';

/** Only same-site paths: an open redirect through `?neste=` would help phishing. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginScreen() {
  const { neste } = useSearch({ from: '/logg-inn' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  // The OIDC button only when the server has a provider configured (public GET /api/auth/providers).
  const { data: methods } = useQuery({
    queryKey: ['auth-providers'],
    queryFn: () => request<SignInMethods>('/api/auth/providers'),
    staleTime: Infinity,
  });

  useEffect(() => {
    document.title = `${t.title} – styr`;
  }, []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      setError(t.missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await login(username, password);
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ href: safeNext(neste) });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="hovedinnhold" className="styr-login">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {error ? (
        <Alert data-color="danger" ref={errorRef} tabIndex={-1} role="alert">
          <Heading level={2} data-size="xs">
            {t.errorHeading}
          </Heading>
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="styr-login__form">
        <Textfield label={t.username} name="username" autoComplete="username" required />
        <Textfield
          label={t.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" disabled={busy}>
          {busy ? t.submitting : t.submit}
        </Button>
      </form>
      {methods?.oidc ? (
        <>
          <Paragraph>{t.or}</Paragraph>
          <Button asChild variant="secondary">
            <a
              href={`/api/auth/oidc/login?returnTo=${encodeURIComponent(safeNext(neste))}`}
              data-testid="oidc-login"
            >
              {t.oidc(methods.oidc.displayName)}
            </a>
          </Button>
        </>
      ) : null}
      <Paragraph data-size="sm">
        <Link href="/tilgjengelighet">{t.accessibility}</Link>
      </Paragraph>
    </main>
  );
}
