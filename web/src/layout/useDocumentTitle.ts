import { useEffect } from 'react';

/** Every screen has its own <title> (WCAG 2.4.2), read first by screen readers after navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – styr`;
  }, [title]);
}
