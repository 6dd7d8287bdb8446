/** The outcome of an action: an aria-live message that takes focus, so keyboard and screen reader users hear it. */
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';

export interface NoticeState {
  kind: 'success' | 'danger';
  text: string;
}

export function useNotice() {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  return {
    notice,
    ok: (text: string) => setNotice({ kind: 'success', text }),
    fail: (err: unknown) =>
      setNotice({ kind: 'danger', text: err instanceof ApiError ? err.message : String(err) }),
    clear: () => setNotice(null),
  };
}

export function Notice({ notice, children }: { notice: NoticeState | null; children?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  return (
    <div aria-live="polite">
      {notice ? (
        <Alert data-color={notice.kind} ref={ref} tabIndex={-1} data-testid="notice">
          <Paragraph>{notice.text}</Paragraph>
          {children}
        </Alert>
      ) : null}
    </div>
  );
}
