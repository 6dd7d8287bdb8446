/** A cell as the text both renderers print: dates as "15. mars 2025", amounts as "1 234 567 kr". */
import { formatIsoDate, groupThousands } from '../format/norwegian.js';
import type { Cell } from './model.js';

export function cellText(c: Cell): string {
  switch (c.kind) {
    case 'text':
    case 'flag':
      return c.text;
    case 'date':
      return c.iso === null ? '–' : formatIsoDate(c.iso);
    case 'amount':
      return c.kroner === null ? '–' : `${groupThousands(c.kroner)} kr`;
  }
}
