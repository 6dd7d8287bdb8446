/** SCAFFOLD ONLY: the screens' owners replace every use of this before the web branch is merged. */
import { Heading } from '@digdir/designsystemet-react';

export function NotBuilt({ title }: { title: string }) {
  return (
    <Heading level={1} data-size="lg">
      {title}
    </Heading>
  );
}
