/** Users: the list (filter in the URL), a new user, and an edit dialog for roles, exempt access and disabling. */
import {
  Button,
  Checkbox,
  Details,
  Dialog,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import type { Principal } from '../../api/client';
import { createUser, organisationsQuery, updateUser, usersQuery, type UserView } from './api';
import { Notice, useNotice } from './Notice';
import { usersTexts as t } from './texts';

const ROLES = ['leser', 'saksbehandler', 'administrator'] as const;
type Role = (typeof ROLES)[number];

function rolesFrom(form: FormData): Role[] {
  return form.getAll('roles').filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
}

function RoleFields({ checked }: { checked: readonly Role[] }) {
  return (
    <Fieldset>
      <Fieldset.Legend>{t.roles}</Fieldset.Legend>
      {ROLES.map((r) => (
        <Checkbox
          key={r}
          name="roles"
          value={r}
          label={t.roleNames[r]}
          defaultChecked={checked.includes(r)}
        />
      ))}
    </Fieldset>
  );
}

function EditDialog({
  user,
  dialogRef,
  onSaved,
  onFailed,
}: {
  user: UserView | null;
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  onSaved: (u: UserView) => void;
  onFailed: (e: unknown) => void;
}) {
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!user) return;
    const form = new FormData(e.currentTarget);
    const department = String(form.get('department') ?? '').trim();
    setBusy(true);
    try {
      const saved = await updateUser(user.id, {
        displayName: String(form.get('displayName') ?? ''),
        department: department === '' ? null : department,
        roles: rolesFrom(form),
        exemptAccess: form.get('exemptAccess') === 'on',
        disabled: form.get('disabled') === 'on',
      });
      dialogRef.current?.close();
      onSaved(saved);
    } catch (err) {
      dialogRef.current?.close();
      onFailed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog ref={dialogRef} closeButton={t.close} closedby="any" aria-labelledby="rediger-bruker">
      {user ? (
        <form onSubmit={(e) => void submit(e)} className="styr-users__form" key={user.id}>
          <Heading level={2} data-size="sm" id="rediger-bruker">
            {t.editHeading(user.username)}
          </Heading>
          <Textfield label={t.displayName} name="displayName" defaultValue={user.displayName} required />
          <Textfield
            label={t.department}
            description={t.departmentHelp}
            name="department"
            defaultValue={user.department ?? ''}
          />
          <RoleFields checked={user.roles} />
          <Checkbox name="exemptAccess" label={t.exemptLabel} defaultChecked={user.exemptAccess} />
          <Checkbox name="disabled" label={t.disableLabel} defaultChecked={user.disabled} />
          <div className="styr-users__actions">
            <Button type="submit" disabled={busy}>
              {t.save}
            </Button>
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}

function NewUser({
  me,
  onCreated,
  onFailed,
}: {
  me: Principal;
  onCreated: (u: UserView) => void;
  onFailed: (e: unknown) => void;
}) {
  const orgs = useQuery(organisationsQuery);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const org = String(form.get('organisationId') ?? '');
    const department = String(form.get('department') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setBusy(true);
    try {
      const created = await createUser({
        username: String(form.get('username') ?? ''),
        displayName: String(form.get('displayName') ?? ''),
        organisationId: org === '' ? null : Number(org),
        department: department === '' ? null : department,
        roles: rolesFrom(form),
        exemptAccess: form.get('exemptAccess') === 'on',
        ...(password ? { password } : {}),
      });
      formEl.reset();
      onCreated(created);
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Details>
      <Details.Summary>{t.newUser}</Details.Summary>
      <Details.Content>
        <form onSubmit={(e) => void submit(e)} className="styr-users__form">
          <Textfield label={t.username} name="username" autoComplete="off" required />
          <Textfield label={t.displayName} name="displayName" autoComplete="off" required />
          <Field>
            <Label>{t.organisation}</Label>
            <Select name="organisationId" defaultValue={me.organisation ? String(me.organisation.id) : ''}>
              {me.organisation === null ? <Select.Option value="">{t.noOrganisation}</Select.Option> : null}
              {(orgs.data ?? []).map((o) => (
                <Select.Option key={o.id} value={String(o.id)}>
                  {o.name} ({t.sides[o.side]})
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield label={t.department} description={t.departmentHelp} name="department" />
          <RoleFields checked={['leser']} />
          <Checkbox name="exemptAccess" label={t.exemptLabel} />
          <Textfield
            label={t.password}
            description={t.passwordHelp}
            name="password"
            type="password"
            autoComplete="new-password"
          />
          <div>
            <Button type="submit" disabled={busy}>
              {t.create}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

export function UsersTab({ me }: { me: Principal }) {
  const { filter } = useSearch({ from: '/innlogget/brukere' });
  const navigate = useNavigate({ from: '/brukere' });
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery);
  const notice = useNotice();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState<UserView | null>(null);

  const needle = filter?.toLocaleLowerCase('nb') ?? '';
  const all = users.data ?? [];
  const shown = all.filter((u) =>
    [u.username, u.displayName, u.organisation?.name ?? ''].some((s) =>
      s.toLocaleLowerCase('nb').includes(needle),
    ),
  );
  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    notice.ok(text);
  };
  const open = (u: UserView) => {
    setEditing(u);
    dialogRef.current?.showModal();
  };

  return (
    <>
      <Heading level={2} data-size="md">
        {t.usersHeading}
      </Heading>
      <Notice notice={notice.notice} />
      <NewUser me={me} onCreated={(u) => done(t.created(u.username))} onFailed={notice.fail} />
      <Textfield
        label={t.filter}
        description={t.filterHelp}
        type="search"
        value={filter ?? ''}
        onChange={(e) =>
          void navigate({ search: (s) => ({ ...s, filter: e.target.value || undefined }), replace: true })
        }
        className="styr-users__filter"
      />
      {users.error ? <Paragraph>{`${t.failed}: ${users.error.message}`}</Paragraph> : null}
      <Paragraph aria-live="polite" data-size="sm">
        {users.data ? t.shown(shown.length, all.length) : t.loading}
      </Paragraph>
      <div className="styr-table-scroll" tabIndex={0} role="region" aria-label={t.usersHeading}>
        <Table data-size="sm" data-testid="users-table">
          <Table.Head>
            <Table.Row>
              {[
                t.username,
                t.displayName,
                t.organisation,
                t.department,
                t.roles,
                t.exempt,
                t.state,
                t.loginMethods,
                t.actions,
              ].map((c) => (
                <Table.HeaderCell key={c} scope="col">
                  {c}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((u) => (
              <Table.Row key={u.id}>
                <Table.HeaderCell scope="row">{u.username}</Table.HeaderCell>
                <Table.Cell>{u.displayName}</Table.Cell>
                <Table.Cell>{u.organisation?.name ?? t.noOrganisation}</Table.Cell>
                <Table.Cell>{u.department ?? ''}</Table.Cell>
                <Table.Cell>{u.roles.map((r) => t.roleNames[r]).join(', ')}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={u.exemptAccess ? 'warning' : 'neutral'}>
                    {u.exemptAccess ? t.exemptYes : t.exemptNo}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={u.disabled ? 'danger' : 'success'}>
                    {u.disabled ? t.disabled : t.active}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  {[u.login.password ? t.passwordLogin : null, u.login.oidc ? t.oidcLogin : null]
                    .filter(Boolean)
                    .join(', ')}
                </Table.Cell>
                <Table.Cell>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => open(u)}
                    aria-label={t.edit(u.username)}
                  >
                    {t.editShort}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <EditDialog
        user={editing}
        dialogRef={dialogRef}
        onSaved={(u) => done(t.updated(u.username))}
        onFailed={notice.fail}
      />
    </>
  );
}
