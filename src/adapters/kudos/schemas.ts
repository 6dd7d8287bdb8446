/**
 * The shapes of Kudos API answers (https://kudos.dfo.no/api/v0), validated with zod: everything the
 * service returns is untrusted input. Unknown fields are ignored; fields styr relies on are required.
 */
import { z } from 'zod';

/** A Norwegian organisation number: nine digits (printed with or without spaces). */
export const OrgNumber = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{9}$/, 'Organisasjonsnummeret må ha ni sifre.'));

const Uuid = z.string().regex(/^[0-9a-zA-Z-]{8,64}$/, 'Ugyldig uuid fra Kudos.');
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'Ugyldig dato fra Kudos.')
  .transform((s) => s.slice(0, 10));

export const KudosActor = z.object({
  uuid: Uuid.optional(),
  name: z.string().min(1).max(500),
  // An actor without a valid number is kept by name; it is not linked to an organisation.
  org_number: OrgNumber.nullable().optional().catch(null),
});
export type KudosActor = z.infer<typeof KudosActor>;

export const KudosListItem = z.object({
  uuid: Uuid,
  type: z.string().max(200).nullable().optional(),
  title: z.string().max(2000).nullable().optional(),
  publish_date: Day.nullable().optional(),
});
export type KudosListItem = z.infer<typeof KudosListItem>;

export const KudosPage = z.object({
  meta: z.object({
    current_page: z.number().int().min(1),
    last_page: z.number().int().min(0),
    per_page: z.number().int().min(1).max(50),
    total: z.number().int().min(0),
  }),
  data: z.array(KudosListItem).max(50),
});
export type KudosPage = z.infer<typeof KudosPage>;

export const KudosFile = z.object({
  url: z.string().max(2000).nullable().optional(),
  filename: z.string().max(500).nullable().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .nullable()
    .optional()
    .catch(null),
});

export const KudosDocument = z.object({
  data: KudosListItem.extend({
    concerned_year_from: z.number().int().nullable().optional(),
    concerned_year_to: z.number().int().nullable().optional(),
    files: z.array(KudosFile).max(100).default([]),
    publishers: z.array(KudosActor).max(100).default([]),
    owners: z.array(KudosActor).max(100).default([]),
    recipients: z.array(KudosActor).max(1000).default([]),
  }),
});
export type KudosDocument = z.infer<typeof KudosDocument>['data'];

export const KudosContents = z.object({ data: z.string() });
