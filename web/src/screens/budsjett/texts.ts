/** Bokmål text of the budget screen. */
export const budgetTexts = {
  title: 'Budsjett',
  intro:
    'Kapittel og post fra tildelingsbrevene med flagg og øremerking, tillegg gjennom året, regnskapet fra årsrapporten og fullmaktene.',
  loading: 'Henter budsjettet …',
  year: 'Budsjettår',
  noBudget: 'Ingen budsjettlinjer er registrert ennå.',
  linesHeading: (year: number) => `Tildeling og regnskap ${year}`,
  linesCaption: (year: number) => `Kapittel og post ${year}, beløp i kroner`,
  linesSummary: (n: number, total: string) =>
    `${n} budsjettlinjer, samlet tildeling på utgiftssiden ${total}.`,
  columns: {
    chapter: 'Kap.',
    post: 'Post',
    name: 'Betegnelse',
    letter: 'Tildelingsbrev',
    supplements: 'Tillegg',
    allocation: 'Samlet tildeling',
    accounts: 'Regnskap',
    difference: 'Differanse',
    notes: 'Flagg og øremerking',
  },
  totalExpenses: 'Sum utgifter',
  totalIncome: 'Sum inntekter',
  noAccounts: (year: number) =>
    `Ingen årsrapport med regnskap for ${year} er importert; kolonnene for regnskap og differanse er tomme.`,
  differenceHelp: 'Differanse er samlet tildeling minus regnskap: positivt tall betyr mindreforbruk.',
  flags: {
    kan_overfores: 'Kan overføres',
    kan_nyttes_under_post: 'Kan nyttes under annen post',
    overslagsbevilgning: 'Overslagsbevilgning',
  } as Record<string, string>,
  usableUnder: (posts: string) => `Kan nyttes under post ${posts}`,
  earmark: (amount: string, text: string) => `Øremerket ${amount}: ${text}`,
  none: '–',
  authorisationsHeading: 'Fullmakter',
  authorisationsCaption: (year: number) => `Fullmakter ${year}`,
  noAuthorisations: (year: number) => `Brevene for ${year} gir ingen fullmakter styr kunne lese.`,
  authColumns: { kind: 'Fullmakt', line: 'Kap./post', amount: 'Beløp', text: 'Tekst', document: 'Dokument' },
  yoyHeading: 'År mot år',
  yoyCaption: 'Tildeling per kapittel og år (mill. kr)',
  yoySummary: (chapters: number, years: string) =>
    `Stolpediagram med tildelingen for ${chapters} kapitler i årene ${years}.`,
  chapterColumn: 'Kapittel',
  chapter: (c: string) => `Kap. ${c}`,
} as const;
