import type { ParameterSpec } from '../api/types';
import { humanize } from '../lib/format';
import type { DraftValue } from '../lib/validation';

interface ParameterFieldProps {
  /** Unique in the page: the base of the input's id. */
  id: string;
  spec: ParameterSpec;
  value: DraftValue | undefined;
  error: string | null;
  onChange: (value: DraftValue) => void;
}

function rangeHint(spec: ParameterSpec): string | null {
  const { minimum: min, maximum: max } = spec;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return null;
}

/** One input generated from a catalogue parameter: number, select, checkbox or text. */
export function ParameterField({ id, spec, value, error, onChange }: ParameterFieldProps) {
  const label = humanize(spec.name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hint = [spec.description, rangeHint(spec)].filter(Boolean).join(' · ');
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  if (spec.type === 'boolean') {
    return (
      <div className="field field--checkbox">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={spec.description ? hintId : undefined}
        />
        <label htmlFor={id}>{label}</label>
        {spec.description && (
          <span id={hintId} className="field__hint">
            {spec.description}
          </span>
        )}
      </div>
    );
  }

  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': spec.required || undefined,
  } as const;

  let control;
  if (spec.enum && spec.enum.length > 0) {
    control = (
      <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
        {(!spec.required || text === '') && <option value="">{spec.required ? 'Choose…' : 'Default'}</option>}
        {spec.enum.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'integer' || spec.type === 'number') {
    control = (
      <input
        {...common}
        type="number"
        inputMode={spec.type === 'integer' ? 'numeric' : 'decimal'}
        min={spec.minimum}
        max={spec.maximum}
        step={spec.type === 'integer' ? 1 : 'any'}
        value={text}
        placeholder={spec.required ? undefined : 'optional'}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        value={text}
        placeholder={spec.required ? undefined : 'optional'}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <div className="field__label-row">
        <label htmlFor={id}>{label}</label>
        {spec.required && (
          <span className="field__required" aria-hidden="true">
            required
          </span>
        )}
      </div>
      {control}
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}
