/** Labelled inputs with their validation message next to them (aria-describedby). */
import { useEffect, useState, type ReactNode } from 'react';

const errorId = (id: string) => `${id}-error`;
const hintId = (id: string) => `${id}-hint`;

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span id={errorId(id)} className="field-error" role="alert">
      {error}
    </span>
  ) : null;
}

/**
 * A number input that keeps what the seller typed (so "1." or "" can be on the way to a
 * number) and reports NaN for anything that is not a number, for the schema to refuse.
 */
export function NumberField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
}: {
  id: string;
  label: ReactNode;
  value: number;
  onChange: (value: number) => void;
  error?: string;
  /** Shown under the input and read with it (the default value, the unit). */
  hint?: string;
  /** Shown in the empty input: the value used while it stays empty. */
  placeholder?: string;
}) {
  const shown = Number.isNaN(value) ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    const typed = text.trim() === '' ? Number.NaN : Number(text);
    if (typed !== value && !(Number.isNaN(typed) && Number.isNaN(value))) setText(shown);
    // Only a new value from outside resets the text: `shown` changes with every keystroke.
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId(id) : '', hint ? hintId(id) : ''].join(' ').trim() || undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value.replace(',', '.')));
        }}
      />
      {hint && (
        <span id={hintId(id)} className="field-hint">
          {hint}
        </span>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  multiline,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  multiline?: boolean;
}) {
  const props = { id, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId(id) : undefined } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}
