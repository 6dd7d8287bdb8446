/** A labelled native select for a filter: the empty value means "all". */
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';

export interface FilterSelectProps {
  label: string;
  allLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
  disabled?: boolean;
  description?: string | undefined;
}

export function FilterSelect({
  label,
  allLabel,
  value,
  options,
  onChange,
  disabled,
  description,
}: FilterSelectProps) {
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description id={`${id}-d`}>{description}</Field.Description> : null}
      <Select
        id={id}
        value={value ?? ''}
        disabled={disabled ?? false}
        {...(description ? { 'aria-describedby': `${id}-d` } : {})}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <Select.Option value="">{allLabel}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
