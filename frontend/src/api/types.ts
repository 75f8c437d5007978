/**
 * The API's request and response types, taken from the contract (routes/api/openapi.yaml, base path /api/v1).
 * `generated/openapi.d.ts` is written from it by openapi-typescript before every build and type check
 * (`npm run api:types`); nothing here restates a field, so a change to the contract shows up as a type error.
 */
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

export type Catalogue = Schemas['Catalogue'];
export type OperationSpec = Schemas['OperationSpec'];
export type ParameterSpec = Schemas['ParameterSpec'];
export type ParameterType = ParameterSpec['type'];
export type Limits = Schemas['Limits'];

export type BatchMetadata = Schemas['BatchMetadata'];
export type BatchAccepted = Schemas['BatchAccepted'];
export type Batch = Schemas['Batch'];
export type BatchImage = Schemas['Image'];
export type ImageFile = Schemas['ImageFile'];
export type BatchStatus = Schemas['BatchStatus'];
export type ImageStatus = Schemas['ImageStatus'];
export type ImageFormat = Schemas['ImageFormat'];

export type ErrorBody = Schemas['Error'];
export type ErrorDetail = Schemas['ErrorDetail'];

/** The values the catalogue's parameter types allow (integer, number, boolean, string). */
export type ParameterValue = string | number | boolean;

/**
 * An operation as the web app builds it: the contract's flat object named by `type`, whose other
 * properties the contract leaves open, narrowed to the parameter values the catalogue describes.
 */
export type Operation = Schemas['Operation'] & { [parameter: string]: ParameterValue };

export const TERMINAL_BATCH_STATUSES: readonly BatchStatus[] = ['COMPLETED', 'COMPLETED_WITH_ERRORS'];

export function isBatchFinished(status: BatchStatus): boolean {
  return TERMINAL_BATCH_STATUSES.includes(status);
}
