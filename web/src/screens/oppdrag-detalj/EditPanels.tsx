/**
 * What a person does with an assignment: the workflow buttons the server allows this user (agency:
 * in progress, delivered with answer; ministry: accept, send back, withdraw …), the dialogue of notes
 * and answers, the responsible person and a deadline change with reason. Readers see the dialogue only.
 */
import {
  Button,
  Heading,
  Paragraph,
  Select,
  Field,
  Label,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { callUseCase } from '../../api/client';
import { formatDate, formatDateTime } from '../../format';
import { statusLabels } from '../oppdrag/texts';
import type { Assignment } from './AssignmentScreen';
import { detailTexts as t } from './texts';
import type { useEdit } from './useEdit';

type Edit = ReturnType<typeof useEdit>;
type Status = Assignment['allowedTransitions'][number];

function transitionLabel(from: string, to: string): string {
  if (from === 'levert' && to === 'pågår') return t.transition.sendBack ?? to;
  return t.transition[to] ?? statusLabels[to] ?? to;
}

function Workflow({ a, edit }: { a: Assignment; edit: Edit }) {
  const [target, setTarget] = useState<Status | null>(null);
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState<'reason' | 'answer' | null>(null);
  const needsAnswer = target === 'levert';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    // In the order of the fields: the answer comes first.
    if (needsAnswer && answer.trim() === '') return setMissing('answer');
    if (reason.trim() === '') return setMissing('reason');
    setMissing(null);
    const to = target;
    void edit
      .run(async () => {
        await callUseCase('changeStatus', {
          id: a.ref,
          status: to,
          reason,
          ...(needsAnswer ? { answer } : {}),
          expectedVersion: a.version,
        });
        return t.statusDone(statusLabels[to] ?? to);
      })
      .then(() => {
        setTarget(null);
        setReason('');
        setAnswer('');
      });
  };
  return (
    <section aria-labelledby="saksgang" className="styr-section">
      <Heading level={2} data-size="sm" id="saksgang">
        {t.workflow}
      </Heading>
      {a.allowedTransitions.length === 0 ? (
        <Paragraph>{a.canEdit ? t.workflowNone : t.readerNone}</Paragraph>
      ) : (
        <div className="styr-workflow">
          {a.allowedTransitions.map((s) => (
            <Button
              key={s}
              variant={target === s ? 'primary' : 'secondary'}
              aria-pressed={target === s}
              onClick={() => setTarget(target === s ? null : s)}
            >
              {transitionLabel(a.status, s)}
            </Button>
          ))}
        </div>
      )}
      {target ? (
        <form
          onSubmit={submit}
          className="styr-inline-form styr-section"
          aria-label={transitionLabel(a.status, target)}
        >
          {needsAnswer ? (
            <Textfield
              multiline
              rows={4}
              label={t.answer}
              description={t.answerDescription}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              error={missing === 'answer' ? t.missingAnswer : undefined}
            />
          ) : null}
          <Textfield
            label={a.status === 'levert' && target === 'pågår' ? t.reasonSendBack : t.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={missing === 'reason' ? t.missingReason : undefined}
          />
          <div className="styr-workflow">
            <Button type="submit" loading={edit.busy}>
              {transitionLabel(a.status, target)}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setTarget(null)}>
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Dialogue({ a, edit }: { a: Assignment; edit: Edit }) {
  const thread = a.timeline.filter((e) => e.kind === 'note' || e.kind === 'answer');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'note' | 'answer'>('note');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return setMissing(true);
    setMissing(false);
    void edit
      .run(async () => {
        await callUseCase('addNote', { id: a.ref, text, kind, expectedVersion: a.version });
        return t.noteDone;
      })
      .then((ok) => ok && setText(''));
  };
  return (
    <section aria-labelledby="dialog" className="styr-section">
      <Heading level={2} data-size="sm" id="dialog">
        {t.dialogue}
      </Heading>
      {thread.length === 0 ? (
        <Paragraph>{t.noDialogue}</Paragraph>
      ) : (
        <ol className="styr-thread" data-testid="thread">
          {thread.map((n, i) => (
            <li key={i} data-kind={n.kind}>
              <div className="styr-meta">
                <Tag data-color={n.kind === 'answer' ? 'success' : 'neutral'} data-size="sm">
                  {n.kind === 'answer' ? t.answerKind : t.note}
                </Tag>
                <span>
                  {formatDateTime(n.at)} {n.actor ? t.by(n.actor) : ''}
                </span>
              </div>
              <Paragraph className="styr-body">{n.text}</Paragraph>
            </li>
          ))}
        </ol>
      )}
      {a.canEdit ? (
        <form onSubmit={submit} className="styr-inline-form">
          <Field>
            <Label htmlFor="note-kind">{t.noteKind}</Label>
            <Select
              id="note-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as 'note' | 'answer')}
            >
              <Select.Option value="note">{t.note}</Select.Option>
              <Select.Option value="answer">{t.answerKind}</Select.Option>
            </Select>
          </Field>
          <Textfield
            multiline
            rows={3}
            label={t.newNote}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={missing ? t.missingNote : undefined}
          />
          <Button type="submit" variant="secondary" loading={edit.busy}>
            {t.addNote}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

function OwnerAndDeadline({ a, edit }: { a: Assignment; edit: Edit }) {
  const [person, setPerson] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<'owner' | 'date' | 'reason' | null>(null);
  const saveOwner = (e: FormEvent) => {
    e.preventDefault();
    if (person.trim() === '') return setMissing('owner');
    setMissing(null);
    void edit
      .run(async () => {
        const r = await callUseCase('setOwner', { id: a.ref, person, expectedVersion: a.version });
        return t.ownerDone(r.owner);
      })
      .then((ok) => ok && setPerson(''));
  };
  const saveDeadline = (e: FormEvent) => {
    e.preventDefault();
    if (date === '') return setMissing('date');
    if (reason.trim() === '') return setMissing('reason');
    setMissing(null);
    void edit
      .run(async () => {
        const r = await callUseCase('changeDeadline', {
          id: a.ref,
          date,
          reason,
          expectedVersion: a.version,
        });
        return t.deadlineDone(formatDate(r.date));
      })
      .then((ok) => {
        if (ok) {
          setDate('');
          setReason('');
        }
      });
  };
  return (
    <div className="styr-two-col styr-section">
      <form onSubmit={saveOwner} className="styr-inline-form" aria-labelledby="ansvarlig">
        <Heading level={2} data-size="sm" id="ansvarlig">
          {t.ownerHeading}
        </Heading>
        <Textfield
          label={t.newOwner}
          value={person}
          onChange={(e) => setPerson(e.target.value)}
          error={missing === 'owner' ? t.missingOwner : undefined}
        />
        <Button type="submit" variant="secondary" loading={edit.busy}>
          {t.saveOwner}
        </Button>
      </form>
      <form onSubmit={saveDeadline} className="styr-inline-form" aria-labelledby="endre-frist">
        <Heading level={2} data-size="sm" id="endre-frist">
          {t.deadlineHeading}
        </Heading>
        <Textfield
          type="date"
          label={t.newDate}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={missing === 'date' ? t.missingDate : undefined}
        />
        <Textfield
          label={t.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missing === 'reason' ? t.missingReason : undefined}
        />
        <Button type="submit" variant="secondary" loading={edit.busy}>
          {t.saveDeadline}
        </Button>
      </form>
    </div>
  );
}

export function EditPanels({ a, edit }: { a: Assignment; edit: Edit }) {
  return (
    <>
      <Workflow a={a} edit={edit} />
      <Dialogue a={a} edit={edit} />
      {a.canEdit ? <OwnerAndDeadline a={a} edit={edit} /> : null}
    </>
  );
}
