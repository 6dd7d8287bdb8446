/** Tilgjengelighetserklæring: public (no login), describes the standard, the automated checks and known limits. */
import { Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { formatDate } from '../../format';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { accessibilityTexts as t } from './texts';

function Section({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <section className="styr-statement__section">
      <Heading level={2} data-size="sm">
        {heading}
      </Heading>
      {children}
    </section>
  );
}

function Items({ items }: { items: readonly string[] }) {
  return (
    <List.Unordered>
      {items.map((s) => (
        <List.Item key={s}>{s}</List.Item>
      ))}
    </List.Unordered>
  );
}

export function AccessibilityScreen() {
  useDocumentTitle(t.title);
  return (
    <main id="hovedinnhold" className="styr-main styr-statement">
      <Heading level={1} data-size="lg">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">
        {t.updatedLabel}: <time dateTime={t.updated}>{formatDate(t.updated)}</time>
      </Paragraph>
      <Paragraph>{t.intro}</Paragraph>
      <Section heading={t.standardHeading}>
        <Paragraph>{t.standard}</Paragraph>
      </Section>
      <Section heading={t.checksHeading}>
        <Items items={t.checks} />
      </Section>
      <Section heading={t.designHeading}>
        <Items items={t.design} />
      </Section>
      <Section heading={t.limitsHeading}>
        <Items items={t.limits} />
      </Section>
      <Section heading={t.feedbackHeading}>
        <Paragraph>{t.feedback}</Paragraph>
      </Section>
      <Section heading={t.supervisionHeading}>
        <Paragraph>{t.supervision}</Paragraph>
        <Paragraph>
          <Link href="https://www.uutilsynet.no/">{t.supervisionLink}</Link>
        </Paragraph>
      </Section>
      <Paragraph>
        <Link href="/">{t.home}</Link>
      </Paragraph>
    </main>
  );
}
