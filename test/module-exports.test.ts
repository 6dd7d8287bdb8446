/**
 * Helpers used only inside their own module stay private, so a module's exports are its API. Names a
 * reviewer found exported without any user elsewhere in src/, test/, bench/ or scripts/.
 */
import { describe, expect, it } from 'vitest';
import * as tabTable from '../src/core/extract/annual-report/tab-table.js';
import * as ids from '../src/core/extract/assignments/ids.js';
import * as parts from '../src/core/extract/assignments/parts.js';
import * as title from '../src/core/extract/assignments/title.js';
import * as tables from '../src/core/extract/budget/tables.js';
import * as cells from '../src/core/extract/calendar/cells.js';
import * as dates from '../src/core/extract/dates.js';
import * as extract from '../src/core/extract/extract.js';
import * as deadlineParts from '../src/core/extract/deadlines/parts.js';
import * as names from '../src/core/extract/document/names.js';
import * as items from '../src/core/extract/goals/items.js';
import * as titleWrap from '../src/core/extract/sections/title-wrap.js';
import * as toc from '../src/core/extract/sections/toc.js';
import * as normalise from '../src/core/text/normalise.js';

const privateNames: Array<[Record<string, unknown>, string[]]> = [
  [normalise, ['stripInlineMarkup', 'collapseSpaces']],
  [items, ['labelKind']],
  [tabTable, ['isTabLine']],
  [titleWrap, ['paragraphStart']],
  [toc, ['parseTocLine']],
  [names, ['properMinistryName']],
  [tables, ['columnLabels']],
  [dates, ['isLeapYear', 'lastDayOfMonth']],
  [cells, ['bulletItems']],
  [deadlineParts, ['expandList']],
  [ids, ['idScheme', 'headerPrefix', 'ID_RE', 'ID_GLOBAL_RE', 'normaliseIdMatch']],
  [title, ['joinPiece']],
  [parts, ['readMarker']],
];

describe('module exports', () => {
  it('do not expose helpers only their own module uses', () => {
    const exposed = privateNames.flatMap(([mod, n]) => n.filter((name) => name in mod));
    expect(exposed).toEqual([]);
  });
  it('keep the public entry points', () => {
    expect(typeof dates.parseNorwegianDate).toBe('function');
    expect(typeof extract.extractLines).toBe('function');
  });
});
