/** An assignment's status and derived state (forfalt, snart forfall) as tags with text, never colour alone. */
import { Tag } from '@digdir/designsystemet-react';
import './assignments.css';
import { assignmentsTexts, statusLabels } from './texts';

type Color = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

const COLOR: Record<string, Color> = {
  ny: 'info',
  pågår: 'accent',
  levert: 'warning',
  ferdig: 'success',
  videreført: 'neutral',
  trukket: 'neutral',
  erstattet: 'neutral',
  forfalt: 'danger',
  'snart forfall': 'warning',
};

export function StatusTag({ status }: { status: string }) {
  return (
    <Tag data-color={COLOR[status] ?? 'neutral'} data-size="sm">
      {statusLabels[status] ?? status}
    </Tag>
  );
}

export function StatusTags({
  status,
  derived,
  confidential,
}: {
  status: string;
  derived?: string | null;
  confidential?: boolean;
}) {
  return (
    <span className="styr-tags">
      <StatusTag status={status} />
      {derived ? <StatusTag status={derived} /> : null}
      {confidential ? (
        <Tag data-color="danger" variant="outline" data-size="sm">
          {assignmentsTexts.confidential}
        </Tag>
      ) : null}
    </span>
  );
}
