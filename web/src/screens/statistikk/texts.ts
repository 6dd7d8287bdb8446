/** Bokmål text of the statistics screen. */
export const statsTexts = {
  title: 'Statistikk',
  intro:
    'Styringsbelastning per brev over årene: hvor mange mål, styringsparametere, oppdrag og frister departementet gir virksomheten i hvert dokument. Oppdrag unntatt offentlighet telles bare for brukere med tilgang til dem.',
  loading: 'Henter statistikken …',
  failed: 'Kunne ikke hente statistikken',
  empty: 'Ingen dokumenter å vise.',
  filterLabel: 'Dokumenttype',
  types: {
    alle: 'Alle dokumenter',
    tildelingsbrev: 'Tildelingsbrev',
    tillegg: 'Tillegg',
    arsrapport: 'Årsrapporter',
  },
  short: { tildelingsbrev: 'TB', tillegg: 'Tillegg', arsrapport: 'Årsrapport' } as Record<string, string>,
  shown: (n: number) => (n === 1 ? 'Viser 1 dokument.' : `Viser ${n} dokumenter.`),
  document: 'Dokument',
  year: 'År',
  goals: 'Mål',
  criteria: 'Kriterier',
  steeringParameters: 'Styringsparametere',
  keyFigures: 'Nøkkeltall',
  assignmentsNew: 'Nye oppdrag',
  assignmentsCarriedOver: 'Videreførte oppdrag',
  assignmentsSupplement: 'Oppdrag i tillegg',
  assignmentsTotal: 'Oppdrag i alt',
  withDeadline: 'Med konkret frist',
  share: 'Andel med konkret frist',
  assignmentsCaption: 'Oppdrag per brev',
  assignmentsSummary: (rows: number, max: string, total: number) =>
    `Stolpediagram over oppdrag per brev for ${rows} dokumenter. Flest oppdrag: ${max} (${total}).`,
  goalsCaption: 'Mål og styringsparametere per brev',
  goalsSummary: (rows: number, goals: number, params: number) =>
    `Linjediagram over ${rows} dokumenter med til sammen ${goals} mål og ${params} styringsparametere.`,
  deadlinesCaption: 'Oppdrag med konkret frist per brev',
  deadlinesSummary: (rows: number, withDeadline: number, total: number) =>
    `Stolpediagram: ${withDeadline} av ${total} oppdrag i ${rows} dokumenter har en konkret frist (dato).`,
  tableHeading: 'Alle tall per dokument',
  tableCaption: 'Styringsbelastning per dokument',
  departmentsHeading: 'Oppdrag per avdeling',
  department: 'Avdeling',
  none: '–',
} as const;
