/**
 * Child process for the crash test: commits one letter, then starts a long import and reports
 * progress from inside the transaction so the parent can kill it mid-import.
 * Usage: node --import tsx test/store/crash-child.ts <dataDir>
 */
import { Register } from '../../src/adapters/store/register.js';
import { INTERNAL_VIEWER } from '../../src/core/register/viewer.js';
import { assignment, letter } from '../register/fixtures.js';

const dataDir = process.argv[2] ?? '';
const reg = await Register.open(
  { kind: 'pglite', dataDir },
  { actor: 'crash', clock: () => new Date('2025-01-01T00:00:00Z'), viewer: INTERNAL_VIEWER },
);
await reg.import([{ file: 'first', result: letter({ year: 2020, assignments: [assignment('TB2020-1')] }) }]);
process.stdout.write('committed\n');
const big = Array.from({ length: 12 }, (_, i) => ({
  file: `big${i}`,
  result: letter({
    year: 2030 + i,
    assignments: Array.from({ length: 120 }, (_, j) => assignment(`TB${2030 + i}-${j + 1}`)),
  }),
}));
await reg.import(big, (done) => {
  process.stdout.write(`progress ${done}\n`);
});
process.stdout.write('finished\n');
await reg.close();
