/**
 * Loading and failure of a read, the same on every screen: a labelled spinner while the first answer
 * is on its way, the server's Norwegian message in an alert when it refuses. Announced politely.
 */
import { Alert, Paragraph, Spinner } from '@digdir/designsystemet-react';
import './screen.css';

export function QueryState({
  isPending,
  error,
  loadingText,
}: {
  isPending: boolean;
  error: Error | null;
  loadingText: string;
}) {
  if (error)
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{error.message}</Paragraph>
      </Alert>
    );
  if (isPending)
    return (
      <div aria-live="polite" className="styr-loading">
        <Spinner aria-hidden data-size="sm" /> <span>{loadingText}</span>
      </div>
    );
  return null;
}
