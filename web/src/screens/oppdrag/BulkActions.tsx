/**
 * Bulk changes for case officers: one responsible person for the selected assignments, and (for the
 * ministry, which alone may withdraw) closing the selected as lapsed with one reason. All or nothing:
 * a refusal lists each assignment that could not be changed. The result is announced and focused.
 */
import { Alert, Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, callUseCase, type Principal } from '../../api/client';
import { assignmentsTexts } from './texts';

const t = assignmentsTexts.bulk;

interface Outcome {
  ok: boolean;
  text: string;
  failures?: { id: string; message: string }[];
}

function failuresOf(e: unknown): { id: string; message: string }[] {
  if (!(e instanceof ApiError)) return [];
  const f = (e.problem as { failures?: unknown }).failures;
  return Array.isArray(f) ? (f as { id: string; message: string }[]) : [];
}

export function BulkActions({
  selected,
  principal,
  onDone,
}: {
  selected: string[];
  principal: Principal;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [person, setPerson] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<'owner' | 'reason' | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const mayLapse = principal.organisation?.side !== 'virksomhet';
  const none = selected.length === 0;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      const text = await work();
      setOutcome({ ok: true, text });
      onDone();
      await queryClient.invalidateQueries({ queryKey: ['use-case'] });
    } catch (e) {
      setOutcome({ ok: false, text: e instanceof Error ? e.message : String(e), failures: failuresOf(e) });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => outcomeRef.current?.focus());
    }
  };

  const setOwner = () => {
    if (person.trim() === '') return setMissing('owner');
    setMissing(null);
    void run(async () => {
      const r = await callUseCase('bulkSetOwner', { ids: selected, person });
      return t.ownerDone(r.changed.length, r.owner);
    });
  };
  const lapse = () => {
    if (reason.trim() === '') return setMissing('reason');
    setMissing(null);
    void run(async () => {
      const r = await callUseCase('bulkChangeStatus', { ids: selected, status: 'trukket', reason });
      setReason('');
      return t.lapseDone(r.changed.length);
    });
  };

  return (
    <section aria-labelledby="bulk-heading" className="styr-bulk">
      <Heading level={2} data-size="xs" id="bulk-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm" data-testid="bulk-count">
        {none ? t.noneSelected : t.selected(selected.length)}
      </Paragraph>
      <div className="styr-bulk__forms">
        <form
          className="styr-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setOwner();
          }}
        >
          <Textfield
            label={t.owner}
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            error={missing === 'owner' ? t.missingOwner : undefined}
          />
          <Button type="submit" variant="secondary" disabled={none || busy}>
            {t.setOwner}
          </Button>
        </form>
        {mayLapse ? (
          <form
            className="styr-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              lapse();
            }}
          >
            <Fieldset>
              <Fieldset.Legend>{t.lapseHeading}</Fieldset.Legend>
              <Fieldset.Description>{t.lapseDescription}</Fieldset.Description>
              <Textfield
                label={t.reason}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={missing === 'reason' ? t.missingReason : undefined}
              />
            </Fieldset>
            <Button type="submit" variant="secondary" data-color="danger" disabled={none || busy}>
              {t.lapse}
            </Button>
          </form>
        ) : null}
      </div>
      <div ref={outcomeRef} tabIndex={-1} aria-live="polite" className="styr-outcome">
        {outcome ? (
          <Alert data-color={outcome.ok ? 'success' : 'danger'}>
            {outcome.ok ? (
              outcome.text
            ) : (
              <>
                <Heading level={3} data-size="2xs">
                  {t.refused}
                </Heading>
                <Paragraph>{outcome.text}</Paragraph>
                {outcome.failures && outcome.failures.length > 0 ? (
                  <ul>
                    {outcome.failures.map((f) => (
                      <li key={f.id}>
                        {f.id}: {f.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            )}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
