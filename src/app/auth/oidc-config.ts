/**
 * OpenID Connect settings from the environment, checked with zod at startup so a typo stops the server
 * with a Norwegian message instead of failing at the first login:
 *
 *   STYR_OIDC_ISSUER         https://login.example.no/realms/styr   (discovery by issuer URL)
 *   STYR_OIDC_CLIENT_ID      styr
 *   STYR_OIDC_CLIENT_SECRET  … (optional for public clients)
 *   STYR_OIDC_REDIRECT_URI   https://styr.example.no/api/auth/oidc/callback
 *   STYR_OIDC_ROLE_MAP       {"claim":"groups","map":{"hdir-saksbehandler":
 *                              {"organisation":"Helsedirektoratet","roles":["saksbehandler"]}}}
 */
import { z } from 'zod';
import { ROLES, SIDES } from '../../core/register/viewer.js';
import { AppError } from '../errors.js';
import { DepartmentCode } from './schemas.js';

export const RoleGrant = z.strictObject({
  /** The organisation's name as registered (`styr org add`). */
  organisation: z.string().trim().min(1),
  /** When given, the organisation is created on first login if it does not exist yet. */
  side: z.enum(SIDES).optional(),
  roles: z.array(z.enum(ROLES)).default([]),
  exemptAccess: z.boolean().default(false),
  department: DepartmentCode.optional(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const RoleMap = z.strictObject({
  /** The ID-token (or userinfo) claim holding group or role names; a string or a list of strings. */
  claim: z.string().min(1),
  map: z.record(z.string().min(1), RoleGrant),
});
export type RoleMap = z.infer<typeof RoleMap>;

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: URL;
  roleMap: RoleMap;
  scope: string;
  /** The provider's name on the login button (STYR_OIDC_DISPLAY_NAME, default the issuer's host). */
  displayName: string;
  /**
   * Permit plain-http requests to the provider. Only for a provider on the loopback interface (tests, a
   * local development IdP); the parser refuses it for any other host.
   */
  allowInsecureRequests: boolean;
}

/** What the public GET /api/auth/providers answers: the login screen shows the OIDC button only with `oidc`. */
export interface SignInMethods {
  password: true;
  oidc: { displayName: string } | null;
}

export function signInMethods(oidc: OidcConfig | undefined): SignInMethods {
  return { password: true, oidc: oidc ? { displayName: oidc.displayName } : null };
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

const httpUrl = (what: string) =>
  z
    .string({ error: `${what} mangler` })
    .trim()
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
      message: `${what} må være en http(s)-adresse`,
    })
    .transform((s) => new URL(s));

const Env = z.object({
  STYR_OIDC_ISSUER: httpUrl('STYR_OIDC_ISSUER'),
  STYR_OIDC_CLIENT_ID: z
    .string({ error: 'STYR_OIDC_CLIENT_ID mangler' })
    .trim()
    .min(1, 'STYR_OIDC_CLIENT_ID mangler'),
  STYR_OIDC_CLIENT_SECRET: z.string().optional(),
  STYR_OIDC_REDIRECT_URI: httpUrl('STYR_OIDC_REDIRECT_URI'),
  STYR_OIDC_ROLE_MAP: z.string({ error: 'STYR_OIDC_ROLE_MAP mangler' }),
  STYR_OIDC_SCOPE: z.string().optional(),
  STYR_OIDC_DISPLAY_NAME: z.string().trim().max(100).optional(),
});

function configError(detail: string): AppError {
  return new AppError('validation', 'invalid_oidc_config', `Ugyldig OIDC-oppsett: ${detail}`);
}

/** Parse a role map given as JSON text; errors name the field that is wrong. */
export function parseRoleMap(text: string): RoleMap {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw configError('STYR_OIDC_ROLE_MAP er ikke gyldig JSON.');
  }
  const r = RoleMap.safeParse(json);
  if (!r.success)
    throw configError(
      `STYR_OIDC_ROLE_MAP: ${r.error.issues.map((i) => `${i.path.join('.') || '(rot)'}: ${i.message}`).join('; ')}`,
    );
  return r.data;
}

export interface OidcConfigOptions {
  /** Allow http to a loopback provider (tests and local development only). */
  allowInsecureRequests?: boolean;
}

/** OIDC settings, or undefined when STYR_OIDC_ISSUER is not set (local accounts only). */
export function oidcConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  opts: OidcConfigOptions = {},
): OidcConfig | undefined {
  const anySet = Object.keys(env).some((k) => k.startsWith('STYR_OIDC_') && env[k]);
  if (!anySet) return undefined;
  const r = Env.safeParse(env);
  if (!r.success) throw configError(r.error.issues.map((i) => i.message).join('; '));
  const e = r.data;
  const insecure = opts.allowInsecureRequests === true;
  if (insecure && !LOOPBACK.has(e.STYR_OIDC_ISSUER.hostname))
    throw configError('usikre http-forespørsler er bare tillatt mot en leverandør på 127.0.0.1/localhost.');
  if (e.STYR_OIDC_ISSUER.protocol === 'http:' && !(insecure && LOOPBACK.has(e.STYR_OIDC_ISSUER.hostname)))
    throw configError('STYR_OIDC_ISSUER må bruke https.');
  return {
    issuer: e.STYR_OIDC_ISSUER,
    clientId: e.STYR_OIDC_CLIENT_ID,
    clientSecret: e.STYR_OIDC_CLIENT_SECRET || undefined,
    redirectUri: e.STYR_OIDC_REDIRECT_URI,
    roleMap: parseRoleMap(e.STYR_OIDC_ROLE_MAP),
    scope: e.STYR_OIDC_SCOPE?.trim() || 'openid profile email',
    displayName: e.STYR_OIDC_DISPLAY_NAME || e.STYR_OIDC_ISSUER.hostname,
    allowInsecureRequests: insecure,
  };
}
