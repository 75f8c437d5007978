/**
 * Operations as the editor holds them (drafts: the raw text of each field) and their conversion to the
 * API's Operation objects.
 */
import type { Operation, OperationSpec, ParameterSpec, ParameterValue } from '../api/types';
import { nextId } from './ids';
import { validateParameter, type DraftValue } from './validation';

export interface OperationDraft {
  id: string;
  type: string;
  values: Record<string, DraftValue>;
}

/** The value a field starts with: the catalogue's default, else empty (or the first choice when required). */
export function initialValue(spec: ParameterSpec): DraftValue {
  if (spec.type === 'boolean') return spec.default === true;
  if (spec.default !== undefined && spec.default !== null) return String(spec.default);
  if (spec.required && spec.enum && spec.enum.length > 0) return spec.enum[0] ?? '';
  return '';
}

export function newDraft(spec: OperationSpec): OperationDraft {
  const values: Record<string, DraftValue> = {};
  for (const parameter of spec.parameters) values[parameter.name] = initialValue(parameter);
  return { id: nextId('op'), type: spec.type, values };
}

export function findSpec(operations: OperationSpec[], type: string): OperationSpec | undefined {
  return operations.find((operation) => operation.type === type);
}

/** Each field's message, keyed by parameter name; empty when the draft is valid. */
export function validateDraft(spec: OperationSpec | undefined, draft: OperationDraft): Record<string, string> {
  if (!spec) return { type: `Unknown operation "${draft.type}".` };
  const errors: Record<string, string> = {};
  for (const parameter of spec.parameters) {
    const message = validateParameter(parameter, draft.values[parameter.name]);
    if (message) errors[parameter.name] = message;
  }
  return errors;
}

export function isDraftValid(spec: OperationSpec | undefined, draft: OperationDraft): boolean {
  return Object.keys(validateDraft(spec, draft)).length === 0;
}

function toParameterValue(spec: ParameterSpec, value: DraftValue): ParameterValue | undefined {
  if (spec.type === 'boolean') return value === true;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  return spec.type === 'string' ? text : Number(text);
}

/** The API's flat operation object; optional fields left empty are left out. Assumes a valid draft. */
export function draftToOperation(spec: OperationSpec, draft: OperationDraft): Operation {
  const operation: Operation = { type: spec.type };
  for (const parameter of spec.parameters) {
    const value = toParameterValue(parameter, draft.values[parameter.name] ?? initialValue(parameter));
    if (value !== undefined) operation[parameter.name] = value;
  }
  return operation;
}

/** Copies of the drafts with fresh ids, for "apply to all images". */
export function cloneDrafts(drafts: OperationDraft[]): OperationDraft[] {
  return drafts.map((draft) => ({ id: nextId('op'), type: draft.type, values: { ...draft.values } }));
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}
