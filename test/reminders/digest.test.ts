import { describe, expect, it } from 'vitest';
import { digestFor, digestMail } from '../../src/core/reminders/digest.js';

describe('daily digest builder', () => {
  const items = [
    { ref: 'TB2026-1', title: 'Snart', status: 'pågår', deadlines: ['2026-03-10'] },
    { ref: 'TB2026-2', title: 'Forfalt', status: 'ny', deadlines: ['2026-01-15'] },
    { ref: 'TB2026-3', title: 'Langt fram', status: 'ny', deadlines: ['2026-09-01'] },
    { ref: 'TB2026-4', title: 'Levert', status: 'levert', deadlines: ['2026-03-05'] },
  ];
  it('lists overdue and due-soon open assignments with a Norwegian subject and links', () => {
    const d = digestFor(items, '2026-03-01', 14);
    expect(d.overdue.map((l) => l.ref)).toEqual(['TB2026-2']);
    expect(d.dueSoon.map((l) => l.ref)).toEqual(['TB2026-1']);
    const m = digestMail(d, {
      name: 'Kari',
      today: '2026-03-01',
      withinDays: 14,
      baseUrl: 'https://styr.no/',
    });
    expect(m.subject).toBe('styr: 1 oppdrag forfaller snart, 1 forfalt');
    expect(m.text).toContain('TB2026-1 Snart – frist 10. mars 2026');
    expect(m.html).toContain('<a href="https://styr.no/oppdrag/TB2026-2">TB2026-2</a>');
  });
});
