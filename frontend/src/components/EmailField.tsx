interface EmailFieldProps {
  value: string;
  error: string | null;
  /** Show the error: once the field was left or a submit was tried. */
  showError: boolean;
  disabled: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
}

export function EmailField({ value, error, showError, disabled, onChange, onBlur }: EmailFieldProps) {
  const visibleError = showError ? error : null;
  return (
    <div className={`field${visibleError ? ' field--invalid' : ''}`}>
      <label htmlFor="email">Email for the completion notice</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        placeholder="name@example.com"
        value={value}
        disabled={disabled}
        aria-invalid={visibleError ? true : undefined}
        aria-describedby={visibleError ? 'email-hint email-error' : 'email-hint'}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      <span id="email-hint" className="field__hint">
        We send one message with the link to your results when the batch is done.
      </span>
      {visibleError && (
        <span id="email-error" className="field__error">
          {visibleError}
        </span>
      )}
    </div>
  );
}
