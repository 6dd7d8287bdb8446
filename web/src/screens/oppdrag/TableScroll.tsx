/**
 * A wide table scrolls in its own box so the page reflows at 320 px; the box is a named, focusable
 * region so keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable).
 */
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="styr-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
