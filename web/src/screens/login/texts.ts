export const loginTexts = {
  title: 'Logg inn i styr',
  intro: 'Registeret for tildelingsbrev, oppdrag og styringsdialogen mellom departement og virksomhet.',
  username: 'Brukernavn',
  password: 'Passord',
  submit: 'Logg inn',
  submitting: 'Logger inn …',
  oidc: (provider: string) => `Logg inn med ${provider}`,
  or: 'eller',
  missing: 'Fyll inn brukernavn og passord.',
  failed: 'Innloggingen mislyktes.',
  errorHeading: 'Du er ikke logget inn',
  accessibility: 'Tilgjengelighetserklæring',
} as const;
