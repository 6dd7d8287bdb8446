#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci`).
import { main } from '../dist/adapters/cli/main.js';

// `styr extract … --json | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// Errors the commands do not handle themselves: name the cause in Norwegian, never a stack trace.
function describe(err) {
  const code = err && typeof err === 'object' && 'code' in err ? err.code : undefined;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `fikk ikke kontakt med databaseserveren i DATABASE_URL (${code}). Kontroller adressen, eller fjern DATABASE_URL for å bruke den innebygde databasen.`;
  }
  if (code === '28P01' || code === '28000')
    return 'databaseserveren avviste brukernavnet eller passordet i DATABASE_URL.';
  if (code === '3D000')
    return 'databasen i DATABASE_URL finnes ikke på serveren. Opprett den først (createdb).';
  if (code === 'EACCES') return `mangler tilgang: ${err.path ?? ''}`.trim();
  return `uventet feil: ${err instanceof Error ? err.message : String(err)}`;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`styr: ${describe(err)}`);
    process.exitCode = 1;
  },
);
