import { useRef, useState } from 'react';
import type { OperationSpec } from '../api/types';
import { humanize } from '../lib/format';
import { findSpec, moveItem, newDraft, validateDraft, type OperationDraft } from '../lib/operations';
import type { DraftValue } from '../lib/validation';
import { ParameterField } from './ParameterField';

interface OperationsEditorProps {
  /** Unique in the page: the base of every input id inside. */
  idPrefix: string;
  /** What the operations apply to, for the accessible names of the buttons ("… of flowers.jpg"). */
  subject: string;
  catalogue: OperationSpec[];
  drafts: OperationDraft[];
  onChange: (drafts: OperationDraft[]) => void;
}

/** The ordered list of operations of one image: add, remove, reorder, and a field per parameter. */
export function OperationsEditor({ idPrefix, subject, catalogue, drafts, onChange }: OperationsEditorProps) {
  const listRef = useRef<HTMLOListElement>(null);

  function focusLater(selector: string) {
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(selector)?.focus());
  }

  function update(id: string, name: string, value: DraftValue) {
    onChange(drafts.map((draft) => (draft.id === id ? { ...draft, values: { ...draft.values, [name]: value } } : draft)));
  }

  function move(index: number, to: number, direction: 'up' | 'down') {
    const draft = drafts[index];
    if (!draft) return;
    onChange(moveItem(drafts, index, to));
    // Keep the keyboard where it was; at an end of the list, the other button is the one left to press.
    const atEnd = (direction === 'up' && to === 0) || (direction === 'down' && to === drafts.length - 1);
    const button = atEnd ? (direction === 'up' ? 'down' : 'up') : direction;
    focusLater(`[data-op-id="${draft.id}"] [data-action="${button}"]`);
  }

  function remove(index: number) {
    onChange(drafts.filter((_, i) => i !== index));
  }

  function add(type: string) {
    const spec = findSpec(catalogue, type);
    if (!spec) return;
    const draft = newDraft(spec);
    onChange([...drafts, draft]);
    focusLater(`[data-op-id="${draft.id}"] input, [data-op-id="${draft.id}"] select, [data-op-id="${draft.id}"] button`);
  }

  return (
    <div className="ops-editor">
      {drafts.length === 0 ? (
        <p className="ops-editor__empty">No operations yet: add one below.</p>
      ) : (
        <ol className="ops-list" ref={listRef}>
          {drafts.map((draft, index) => {
            const spec = findSpec(catalogue, draft.type);
            const errors = validateDraft(spec, draft);
            const name = humanize(draft.type);
            const itemId = `${idPrefix}-${draft.id}`;
            return (
              <li key={draft.id} className="op" data-op-id={draft.id} aria-labelledby={`${itemId}-title`}>
                <div className="op__header">
                  <span className="op__step" aria-hidden="true">
                    {index + 1}
                  </span>
                  <div className="op__heading">
                    <h4 id={`${itemId}-title`} className="op__title">
                      <span className="visually-hidden">Step {index + 1}: </span>
                      {name}
                    </h4>
                    {spec?.description && <p className="op__description">{spec.description}</p>}
                  </div>
                  <div className="op__actions">
                    <button
                      type="button"
                      className="icon-button"
                      data-action="up"
                      aria-label={`Move ${name} up (step ${index + 1} of ${subject})`}
                      title="Move up"
                      disabled={index === 0}
                      onClick={() => move(index, index - 1, 'up')}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      data-action="down"
                      aria-label={`Move ${name} down (step ${index + 1} of ${subject})`}
                      title="Move down"
                      disabled={index === drafts.length - 1}
                      onClick={() => move(index, index + 1, 'down')}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button--danger"
                      data-action="remove"
                      aria-label={`Remove ${name} (step ${index + 1} of ${subject})`}
                      title="Remove"
                      onClick={() => remove(index)}
                    >
                      <span aria-hidden="true">✕</span>
                    </button>
                  </div>
                </div>
                {!spec && <p className="field__error">{errors.type}</p>}
                {spec && spec.parameters.length > 0 && (
                  <div className="op__fields">
                    {spec.parameters.map((parameter) => (
                      <ParameterField
                        key={parameter.name}
                        id={`${itemId}-${parameter.name}`}
                        spec={parameter}
                        value={draft.values[parameter.name]}
                        error={errors[parameter.name] ?? null}
                        onChange={(value) => update(draft.id, parameter.name, value)}
                      />
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <AddOperation idPrefix={idPrefix} subject={subject} catalogue={catalogue} onAdd={add} />
    </div>
  );
}

interface AddOperationProps {
  idPrefix: string;
  subject: string;
  catalogue: OperationSpec[];
  onAdd: (type: string) => void;
}

function AddOperation({ idPrefix, subject, catalogue, onAdd }: AddOperationProps) {
  const [type, setType] = useState(catalogue[0]?.type ?? '');
  const selectId = `${idPrefix}-add`;
  return (
    <div className="add-op">
      <label htmlFor={selectId} className="visually-hidden">
        Operation to add to {subject}
      </label>
      <select id={selectId} value={type} onChange={(event) => setType(event.target.value)}>
        {catalogue.map((operation) => (
          <option key={operation.type} value={operation.type}>
            {humanize(operation.type)}
          </option>
        ))}
      </select>
      <button type="button" className="button button--secondary" onClick={() => onAdd(type)} disabled={!type}>
        Add operation
      </button>
    </div>
  );
}
