/** Tilgjengelighetserklæring: a placeholder frame; the statement's content is written with the e2e checks. */
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useDocumentTitle } from '../../layout/useDocumentTitle';

export function AccessibilityScreen() {
  useDocumentTitle('Tilgjengelighetserklæring');
  return (
    <main id="hovedinnhold" className="styr-main">
      <Heading level={1} data-size="lg">
        Tilgjengelighetserklæring for styr
      </Heading>
      <Paragraph>
        styr skal oppfylle kravene i forskrift om universell utforming av IKT-løsninger (WCAG 2.1 nivå A og
        AA).
      </Paragraph>
      <Paragraph>
        <Link href="/">Til forsiden</Link>
      </Paragraph>
    </main>
  );
}
