import { useState, type FormEvent } from 'react';
import { parseBatchId } from '../lib/validation';
import { batchPath, navigate } from '../router';

/** "Open a batch" by its UUID, or by a pasted link to it. */
export function OpenBatchForm() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseBatchId(value);
    if (parsed.error !== null) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setValue('');
    navigate(batchPath(parsed.id));
  }

  return (
    <form className="open-batch" role="search" aria-label="Open a batch" onSubmit={submit} noValidate>
      <label htmlFor="open-batch-id" className="visually-hidden">
        Batch ID or link
      </label>
      <div className="open-batch__row">
        <input
          id="open-batch-id"
          type="text"
          placeholder="Open a batch by ID"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'open-batch-error' : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" className="button button--secondary">
          Open
        </button>
      </div>
      {error && (
        <p id="open-batch-error" className="open-batch__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
