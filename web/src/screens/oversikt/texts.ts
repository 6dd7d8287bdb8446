export const overviewTexts = {
  title: 'Oversikt',
  assignments: 'Oppdrag',
  overdue: 'Forfalt',
  dueSoon: 'Forfaller innen 30 dager',
  byStatus: 'Oppdrag etter status',
  status: 'Status',
  count: 'Antall',
  loading: 'Henter oversikten …',
  failed: 'Kunne ikke hente oversikten',
} as const;
