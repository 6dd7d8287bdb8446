/** Input schemas of the account use cases, shared by the HTTP routes and the CLI. */
import { z } from 'zod';
import { ROLES, SIDES } from '../../core/register/viewer.js';

/** Login names are compared in lower case; letters, digits and . _ @ - only, so they print safely. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'Brukernavn: 2–64 tegn, bokstavene a–z, sifre og . _ @ -');

/** Department codes as the letters print them (FHA, SHA, KTA …). */
export const DepartmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-ZÆØÅ]{2,8}$/, 'Avdelingskode: 2–8 bokstaver, f.eks. FHA');

export const RoleList = z.array(z.enum(ROLES)).min(1, 'Minst én rolle kreves').max(ROLES.length);

export const LoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(200),
  password: z.string().min(1).max(1024),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  /** null = an installation-wide account (only an installation administrator may create one). */
  organisationId: z.number().int().positive().nullable(),
  department: DepartmentCode.nullable().default(null),
  roles: RoleList,
  exemptAccess: z.boolean().default(false),
  password: z.string().max(1024).optional(),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    department: DepartmentCode.nullable(),
    roles: RoleList,
    exemptAccess: z.boolean(),
    disabled: z.boolean(),
    password: z.string().max(1024),
  })
  .partial();
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

export const CreateOrganisationInput = z.object({
  name: z.string().trim().min(2).max(200),
  side: z.enum(SIDES),
});
export type CreateOrganisationInput = z.input<typeof CreateOrganisationInput>;

export const CreateTokenInput = z.object({ name: z.string().trim().min(1).max(100) });
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export const CreateCalendarFeedInput = z.object({
  name: z.string().trim().min(1, 'Gi kalenderen et navn.').max(100, 'Navnet kan være høyst 100 tegn.'),
  /** A feed for the caller's organisation (administrators) instead of the caller's own. */
  organisation: z.boolean().default(false),
});
export type CreateCalendarFeedInput = z.input<typeof CreateCalendarFeedInput>;
