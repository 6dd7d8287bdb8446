/**
 * The authenticated party behind a request or a command: a signed-in user, an API token, or the
 * register's owner at the local command line. The audit log records `username`, never a free-text name.
 */
import { z } from 'zod';
import { ROLES, SIDES } from '../core/register/viewer.js';

export const OrganisationRef = z.object({
  id: z.number().int(),
  name: z.string(),
  side: z.enum(SIDES),
  /** The register's ministry row this organisation is (side departement). */
  ministryId: z.number().int().nullable(),
  /** The register's agency row this organisation is (side virksomhet). */
  agencyId: z.number().int().nullable(),
});
export type OrganisationRef = z.infer<typeof OrganisationRef>;

export const Principal = z.object({
  kind: z.enum(['user', 'token', 'local', 'system']),
  userId: z.number().int().nullable(),
  /** Stable login name; what the audit log records as the actor. */
  username: z.string().min(1),
  displayName: z.string(),
  /** null only for `local` (the owner of an embedded register at the command line). */
  organisation: OrganisationRef.nullable(),
  /** Department within a ministry (FHA, SHA …), when the user belongs to one. */
  department: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  /** Grant to read content exempt from public access (unntatt offentlighet). */
  exemptAccess: z.boolean(),
});
export type Principal = z.infer<typeof Principal>;

/** The owner of a local embedded register running a CLI command without a server. */
export function localPrincipal(username: string, opts: { public?: boolean } = {}): Principal {
  return {
    kind: 'local',
    userId: null,
    username,
    displayName: username,
    organisation: null,
    department: null,
    roles: ['administrator'],
    exemptAccess: !opts.public,
  };
}

/**
 * A named system principal (the ingest worker): installation-wide, no person behind it; the audit log
 * records `system:<name>` so its changes are never mistaken for a user's.
 */
export function systemPrincipal(name: string): Principal {
  return {
    kind: 'system',
    userId: null,
    username: `system:${name}`,
    displayName: name,
    organisation: null,
    department: null,
    roles: ['administrator'],
    exemptAccess: true,
  };
}
