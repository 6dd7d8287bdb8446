/**
 * One edit of the assignment: runs the use case with the version the user saw (If-Match), then
 * refreshes every read. A conflict (someone else changed it: 409/412) reloads the assignment and says
 * so in Norwegian. The outcome is announced (aria-live) and focused.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { detailTexts as t } from './texts';

export interface EditOutcome {
  ok: boolean;
  text: string;
  conflict?: boolean;
}

const CONFLICT_CODES = new Set(['conflict', 'concurrent_change']);

export function useEdit() {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<EditOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const run = async (work: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    let ok = false;
    try {
      const text = await work();
      setOutcome({ ok: true, text });
      ok = true;
    } catch (e) {
      const conflict =
        e instanceof ApiError && (e.status === 412 || CONFLICT_CODES.has(e.problem.code ?? ''));
      setOutcome({
        ok: false,
        conflict,
        text: conflict ? t.conflict : e instanceof Error ? e.message : String(e),
      });
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['use-case'] });
      setBusy(false);
      requestAnimationFrame(() => outcomeRef.current?.focus());
    }
    return ok;
  };
  return { run, busy, outcome, outcomeRef };
}
