/**
 * Account commands: `styr user add|list|passwd`, `styr org add|list`, `styr token create|list|revoke`,
 * `styr token calendar create|list|revoke` (calendar feed URLs).
 * They run as the register's owner at the command line (an installation administrator), call the same
 * use cases as the HTTP API, and are audited under the operating-system user (or --actor).
 * `styr user add` is how the first administrator comes to exist.
 */
import type { Command } from 'commander';
import { createApiToken, listOwnApiTokens, revokeApiTokenAs } from '../../../app/auth/api-tokens.js';
import {
  createCalendarFeed,
  listOwnCalendarFeeds,
  revokeCalendarFeedAs,
} from '../../../app/auth/feed-tokens.js';
import type { AuthDeps } from '../../../app/auth/deps.js';
import type { ScryptParams } from '../../../app/auth/passwords.js';
import { createOrganisationAs, listOrganisationsAs } from '../../../app/auth/organisations.js';
import { createUserAs, listUsersAs, updateUserAs } from '../../../app/auth/users.js';
import { AppError } from '../../../app/errors.js';
import { localPrincipal, type Principal } from '../../../app/principal.js';
import { ROLES, type Role, SIDES, type Side } from '../../../core/register/viewer.js';
import { organisationByName } from '../../store/accounts/organisations.js';
import { userByUsername } from '../../store/accounts/users.js';
import type { Db } from '../../store/open.js';
import { targetFromEnv } from '../../store/target.js';
import { openLockedStore } from './client.js';
import { actorFrom, clockFrom } from './commands.js';
import { formatDate, table } from './format.js';

export interface UserCliContext {
  out: (s: string) => void;
  err?: (s: string) => void;
  setExitCode: (code: number) => void;
  /** Use this database instead of opening one from --data/DATABASE_URL (tests); it is not closed. */
  db?: () => Promise<Db>;
  /** Standard input as text (tests pass the password here). */
  stdin?: () => Promise<string>;
  /** Cost of new password hashes (tests pass a cheap one). */
  scrypt?: ScryptParams;
}

interface Common {
  data?: string;
  actor?: string;
  json?: boolean;
}

const ROLE_LABEL: Record<Role, string> = {
  leser: 'leser',
  saksbehandler: 'saksbehandler',
  administrator: 'administrator',
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function common(cmd: Command): Command {
  return cmd
    .option(
      '--data <mappe>',
      'datamappe for den innebygde databasen (ellers STYR_DATA eller ~/.local/share/styr)',
    )
    .option('--actor <navn>', 'hvem som gjør endringen (ellers STYR_ACTOR eller brukernavnet)')
    .option('--json', 'skriv ut JSON');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function sideFrom(value: string): Side {
  const side = SIDES.find((s) => s === value.trim().toLowerCase());
  if (!side)
    throw new AppError(
      'validation',
      'unknown_side',
      `Ukjent side «${value}». Bruk departement eller virksomhet.`,
    );
  return side;
}

/** Checked here, not by Commander, so the refusal is in Norwegian like every other. */
function rolesFrom(values: readonly string[]): Role[] {
  return [
    ...new Set(
      values.map((v) => {
        const r = ROLES.find((x) => x === v.trim().toLowerCase());
        if (!r)
          throw new AppError(
            'validation',
            'unknown_role',
            `Ukjent rolle «${v}». Gyldige: ${ROLES.join(', ')}.`,
          );
        return r;
      }),
    ),
  ];
}

export function registerUserCommands(program: Command, ctx: UserCliContext): void {
  const err = ctx.err ?? ((s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`));
  const json = (v: unknown) => ctx.out(JSON.stringify(v, null, 2));
  const stdin = ctx.stdin ?? readStdin;

  /** Open the register, run as its local owner, close; an AppError becomes a Norwegian message and its exit code. */
  const run =
    <O extends Common, A extends unknown[]>(
      fn: (deps: AuthDeps, me: Principal, o: O, ...args: A) => Promise<void>,
    ) =>
    async (...args: A) => {
      const o = (args.find((a, i) => i === args.length - 2 && typeof a === 'object' && a !== null) ??
        {}) as O;
      let owned: { store: Db; close: () => Promise<void> } | undefined;
      try {
        const db = ctx.db
          ? await ctx.db()
          : (owned = await openLockedStore(targetFromEnv(o.data), 'user')).store;
        await fn(
          { db: db.db, clock: clockFrom(), ...(ctx.scrypt ? { scrypt: ctx.scrypt } : {}) },
          localPrincipal(actorFrom(o.actor)),
          o,
          ...args,
        );
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        err(`styr: ${e.detail}`);
        ctx.setExitCode(e.exitCode);
      } finally {
        await owned?.close();
      }
    };

  async function newPassword(): Promise<string> {
    const text = (await stdin()).replace(/\r?\n$/, '');
    if (!text) throw new AppError('validation', 'password_missing', 'Fikk ikke noe passord på standard inn.');
    return text;
  }

  const user = program.command('user').description('Brukere: legg til, list, bytt passord');
  const org = program.command('org').description('Organisasjoner (departement og virksomheter)');
  const token = program.command('token').description('API-nøkler for integrasjoner');

  common(user.command('add'))
    .description('Legg til en bruker (den første administratoren lages slik)')
    .argument('<brukernavn>', 'innloggingsnavn, f.eks. kari.nordmann')
    .requiredOption('--name <navn>', 'fullt navn')
    .option(
      '--org <organisasjon>',
      'organisasjonen brukeren hører til (lages om den mangler); uten: hele installasjonen',
    )
    .option('--side <side>', 'departement eller virksomhet (når organisasjonen lages)')
    .requiredOption('--role <rolle>', `rolle (${ROLES.join(', ')}); kan gjentas`, collect)
    .option('--department <kode>', 'avdeling i departementet, f.eks. FHA')
    .option('--exempt', 'gi tilgang til innhold unntatt offentlighet')
    .option('--password-stdin', 'les passordet fra standard inn (ellers bare innlogging via OpenID Connect)')
    .action(
      run(
        async (
          deps,
          me,
          o: Common & {
            name: string;
            org?: string;
            side?: string;
            role: string[];
            department?: string;
            exempt?: boolean;
            passwordStdin?: boolean;
          },
          username: string,
        ) => {
          const roles = rolesFrom(o.role);
          if (await userByUsername(deps.db, username.trim().toLowerCase()))
            throw new AppError('conflict', 'username_taken', `Brukernavnet «${username}» er i bruk.`);
          let organisationId: number | null = null;
          if (o.org) {
            const existing = await organisationByName(deps.db, o.org.trim());
            if (existing) organisationId = existing.id;
            else if (!o.side)
              throw new AppError(
                'validation',
                'side_required',
                `Organisasjonen «${o.org}» finnes ikke. Oppgi --side departement eller --side virksomhet for å lage den.`,
              );
            else
              organisationId = (await createOrganisationAs(deps, me, { name: o.org, side: sideFrom(o.side) }))
                .id;
          }
          const created = await createUserAs(deps, me, {
            username,
            displayName: o.name,
            organisationId,
            department: o.department ?? null,
            roles,
            exemptAccess: o.exempt === true,
            ...(o.passwordStdin ? { password: await newPassword() } : {}),
          });
          if (o.json) return json(created);
          ctx.out(
            `La til ${created.username} (${created.roles.map((r) => ROLE_LABEL[r]).join(', ')}) i ${created.organisation?.name ?? 'hele installasjonen'}.`,
          );
          if (!created.login.password)
            ctx.out('Ingen passord: brukeren kan bare logge inn via OpenID Connect.');
        },
      ),
    );

  common(user.command('list'))
    .description('List brukere')
    .action(
      run(async (deps, me, o) => {
        const users = await listUsersAs(deps, me);
        if (o.json) return json(users);
        ctx.out(
          table(
            ['Brukernavn', 'Navn', 'Organisasjon', 'Avd.', 'Roller', 'Unntatt off.', 'Innlogging', 'Status'],
            users.map((u) => [
              u.username,
              u.displayName,
              u.organisation?.name ?? '(installasjon)',
              u.department ?? '',
              u.roles.join(', '),
              u.exemptAccess ? 'ja' : 'nei',
              [u.login.password ? 'passord' : '', u.login.oidc ? 'OIDC' : ''].filter(Boolean).join(', ') ||
                '–',
              u.disabled ? 'deaktivert' : 'aktiv',
            ]),
          ),
        );
        ctx.out(`${users.length} brukere`);
      }),
    );

  common(user.command('passwd'))
    .description('Sett nytt passord for en bruker (leses fra standard inn); avslutter brukerens sesjoner')
    .argument('<brukernavn>', 'innloggingsnavn')
    .action(
      run(async (deps, me, _o, username: string) => {
        const u = await userByUsername(deps.db, username.trim().toLowerCase());
        if (!u) throw new AppError('not_found', 'user_not_found', `Fant ikke brukeren «${username}».`);
        await updateUserAs(deps, me, u.id, { password: await newPassword() });
        ctx.out(`Nytt passord satt for ${u.username}.`);
      }),
    );

  common(org.command('add'))
    .description('Legg til et departement eller en virksomhet')
    .argument('<navn>', 'navnet slik det står i brevene, f.eks. Helsedirektoratet')
    .requiredOption('--side <side>', 'departement eller virksomhet')
    .action(
      run(async (deps, me, o: Common & { side: string }, name: string) => {
        const created = await createOrganisationAs(deps, me, { name, side: sideFrom(o.side) });
        if (o.json) return json(created);
        ctx.out(`La til ${created.name} (${created.side}).`);
      }),
    );

  common(org.command('list'))
    .description('List organisasjoner')
    .action(
      run(async (deps, me, o) => {
        const orgs = await listOrganisationsAs(deps, me);
        if (o.json) return json(orgs);
        ctx.out(
          table(
            ['Navn', 'Side', 'Lagt til'],
            orgs.map((x) => [x.name, x.side, formatDate(x.createdAt)]),
          ),
        );
      }),
    );

  common(token.command('create'))
    .description('Lag en API-nøkkel for en bruker; nøkkelen vises bare denne ene gangen')
    .argument('<navn>', 'hva nøkkelen brukes til, f.eks. «Arkivintegrasjon»')
    .requiredOption('--user <brukernavn>', 'brukeren nøkkelen handler som')
    .action(
      run(async (deps, me, o: Common & { user: string }, name: string) => {
        const u = await userByUsername(deps.db, o.user.trim().toLowerCase());
        if (!u) throw new AppError('not_found', 'user_not_found', `Fant ikke brukeren «${o.user}».`);
        const created = await createApiToken(deps, me, { name }, u.id);
        if (o.json) return json(created);
        ctx.out(created.token);
        err(
          `API-nøkkel ${created.id} («${created.name}») for ${u.username}. Den vises ikke igjen; ta vare på den nå.`,
        );
      }),
    );

  common(token.command('list'))
    .description('List API-nøkler (uten selve nøklene)')
    .action(
      run(async (deps, me, o) => {
        const tokens = await listOwnApiTokens(deps, me);
        if (o.json) return json(tokens);
        ctx.out(
          table(
            ['Id', 'Navn', 'Bruker-id', 'Laget', 'Sist brukt', 'Tilbakekalt'],
            tokens.map((t) => [
              t.id,
              t.name,
              t.userId,
              formatDate(t.createdAt),
              formatDate(t.lastUsedAt),
              formatDate(t.revokedAt),
            ]),
          ),
        );
      }),
    );

  common(token.command('revoke'))
    .description('Tilbakekall en API-nøkkel')
    .argument('<id>', 'nøkkelens id (se styr token list)')
    .action(
      run(async (deps, me, _o, id: string) => {
        if (!/^[1-9]\d{0,9}$/.test(id)) throw new AppError('validation', 'invalid_id', `Ugyldig id «${id}».`);
        await revokeApiTokenAs(deps, me, Number(id));
        ctx.out(`API-nøkkel ${id} er tilbakekalt.`);
      }),
    );

  const feeds = token
    .command('calendar')
    .description('Kalenderabonnementer (iCalendar-adresser med hemmelig nøkkel)');
  common(feeds.command('create'))
    .description('Lag et kalenderabonnement for en bruker eller en organisasjon; adressen vises bare nå')
    .argument('<navn>', 'hva abonnementet er, f.eks. «Fristene mine»')
    .option('--user <brukernavn>', 'brukerens frister, slik brukeren ser dem')
    .option('--org <organisasjon>', 'organisasjonens frister (aldri innhold unntatt offentlighet)')
    .option('--base-url <adresse>', 'serverens adresse i lenken (ellers STYR_PUBLIC_URL)')
    .action(
      run(async (deps, me, o: Common & { user?: string; org?: string; baseUrl?: string }, name: string) => {
        if ((o.user === undefined) === (o.org === undefined))
          throw new AppError('validation', 'feed_target', 'Oppgi enten --user eller --org.');
        const target: { userId?: number; organisationId?: number } = {};
        if (o.user !== undefined) {
          const u = await userByUsername(deps.db, o.user.trim().toLowerCase());
          if (!u) throw new AppError('not_found', 'user_not_found', `Fant ikke brukeren «${o.user}».`);
          target.userId = u.id;
        } else {
          const g = await organisationByName(deps.db, (o.org ?? '').trim());
          if (!g)
            throw new AppError('not_found', 'organisation_not_found', `Fant ikke organisasjonen «${o.org}».`);
          target.organisationId = g.id;
        }
        const created = await createCalendarFeed(deps, me, { name }, target);
        const base = (o.baseUrl ?? process.env.STYR_PUBLIC_URL ?? '').replace(/\/+$/, '');
        if (o.json) return json({ ...created, url: base + created.path });
        ctx.out(base ? base + created.path : created.path);
        err(
          `Kalenderabonnement ${created.id} («${created.name}»). Adressen vises ikke igjen; ta vare på den nå.${base ? '' : ' Sett serverens adresse foran (--base-url eller STYR_PUBLIC_URL).'}`,
        );
      }),
    );
  common(feeds.command('list'))
    .description('List kalenderabonnementer (uten nøklene)')
    .action(
      run(async (deps, me, o) => {
        const list = await listOwnCalendarFeeds(deps, me);
        if (o.json) return json(list);
        ctx.out(
          table(
            ['Id', 'Navn', 'Gjelder', 'Laget', 'Sist brukt', 'Tilbakekalt'],
            list.map((f) => [
              f.id,
              f.name,
              f.scope === 'user' ? `bruker ${f.userId ?? ''}` : `organisasjon ${f.organisationId ?? ''}`,
              formatDate(f.createdAt),
              formatDate(f.lastUsedAt),
              formatDate(f.revokedAt),
            ]),
          ),
        );
      }),
    );
  common(feeds.command('revoke'))
    .description('Tilbakekall et kalenderabonnement; adressen svarer 404 etterpå')
    .argument('<id>', 'abonnementets id (se styr token calendar list)')
    .action(
      run(async (deps, me, _o, id: string) => {
        if (!/^[1-9]\d{0,9}$/.test(id)) throw new AppError('validation', 'invalid_id', `Ugyldig id «${id}».`);
        await revokeCalendarFeedAs(deps, me, Number(id));
        ctx.out(`Kalenderabonnement ${id} er tilbakekalt.`);
      }),
    );
}
