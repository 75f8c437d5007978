/**
 * Defensive reading of the catalogue: the contract requires every field, but a backend that leaves one
 * out (an operation without `parameters`, say) should cost a missing field, not a blank page.
 */
import type { Catalogue, Limits, OperationSpec, ParameterSpec, ParameterType } from './types';

const PARAMETER_TYPES: readonly ParameterType[] = ['integer', 'number', 'boolean', 'string'];

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asStrings = (value: unknown): string[] => asArray(value).filter((item): item is string => typeof item === 'string');
const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function readParameter(raw: unknown): ParameterSpec | null {
  if (!isObject(raw) || typeof raw.name !== 'string') return null;
  const type = PARAMETER_TYPES.includes(raw.type as ParameterType) ? (raw.type as ParameterType) : 'string';
  const enumValues = asStrings(raw.enum);
  return {
    name: raw.name,
    type,
    required: raw.required === true,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(asNumber(raw.minimum) !== undefined ? { minimum: asNumber(raw.minimum) } : {}),
    ...(asNumber(raw.maximum) !== undefined ? { maximum: asNumber(raw.maximum) } : {}),
    ...(raw.default !== undefined && raw.default !== null ? { default: raw.default } : {}),
    ...(enumValues.length > 0 ? { enum: enumValues } : {}),
  };
}

function readOperation(raw: unknown): OperationSpec | null {
  if (!isObject(raw) || typeof raw.type !== 'string') return null;
  return {
    type: raw.type,
    description: typeof raw.description === 'string' ? raw.description : '',
    parameters: asArray(raw.parameters).map(readParameter).filter((p): p is ParameterSpec => p !== null),
  };
}

/** Limits the answer does not give are no limits here; the server still enforces its own. */
function readLimits(raw: unknown): Limits {
  const limits = isObject(raw) ? raw : {};
  return {
    maxFiles: asNumber(limits.maxFiles) ?? Number.POSITIVE_INFINITY,
    maxFileBytes: asNumber(limits.maxFileBytes) ?? Number.POSITIVE_INFINITY,
    maxPixels: asNumber(limits.maxPixels) ?? Number.POSITIVE_INFINITY,
  };
}

export function normalizeCatalogue(raw: unknown): Catalogue {
  const body = isObject(raw) ? raw : {};
  return {
    operations: asArray(body.operations).map(readOperation).filter((op): op is OperationSpec => op !== null),
    inputFormats: asStrings(body.inputFormats),
    outputFormats: asStrings(body.outputFormats),
    limits: readLimits(body.limits),
  };
}
