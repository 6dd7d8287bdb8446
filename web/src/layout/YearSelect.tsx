/** A labelled year picker whose value lives in the URL (the screens pass `navigate` with the new year). */
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import './screen.css';

export function YearSelect({
  label,
  years,
  value,
  onChange,
  allLabel,
}: {
  label: string;
  years: readonly number[];
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  /** Offer "all years" as the empty choice. */
  allLabel?: string;
}) {
  const id = useId();
  return (
    <Field className="styr-year-select">
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      >
        {allLabel !== undefined ? <Select.Option value="">{allLabel}</Select.Option> : null}
        {years.map((y) => (
          <Select.Option key={y} value={String(y)}>
            {y}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
