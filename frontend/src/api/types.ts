/**
 * Types mirroring the schemas of the ImageFlow API contract (routes/api/openapi.yaml, base path /api/v1).
 * Keep the names and fields in step with the contract.
 */

export type ParameterType = 'integer' | 'number' | 'boolean' | 'string';

/** Catalogue.operations[].parameters[] */
export interface ParameterSpec {
  name: string;
  type: ParameterType;
  required: boolean;
  description?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  enum?: string[];
}

/** Catalogue.operations[] */
export interface OperationSpec {
  type: string;
  description: string;
  parameters: ParameterSpec[];
}

export interface Limits {
  maxFiles: number;
  maxFileBytes: number;
  maxPixels: number;
}

/** Catalogue: answer of GET /operations */
export interface Catalogue {
  operations: OperationSpec[];
  inputFormats: string[];
  outputFormats: string[];
  limits: Limits;
}

export type ParameterValue = string | number | boolean;

/** Operation: a flat object named by `type`, with that operation's parameters beside it. */
export interface Operation {
  type: string;
  [parameter: string]: ParameterValue;
}

/** BatchMetadata: JSON text of the `metadata` part of POST /batches */
export interface BatchMetadata {
  email: string;
  operations?: Operation[];
  images?: { name: string; operations: Operation[] }[];
}

export type BatchStatus = 'ACCEPTED' | 'PROCESSING' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS';
export type ImageStatus = 'QUEUED' | 'PROCESSING' | 'DONE' | 'FAILED';
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp' | 'tiff' | 'webp';

/** BatchAccepted: answer 202 of POST /batches */
export interface BatchAccepted {
  batchId: string;
  status: BatchStatus;
  statusUrl: string;
  images: { imageId: string; name: string; status: ImageStatus }[];
}

/** ImageFile: an original or a result */
export interface ImageFile {
  /** Relative to the API's origin, e.g. /api/v1/batches/{id}/images/{imageId}/original */
  url: string;
  format: ImageFormat;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  /** Set when the result was written in another format than asked, and why. */
  note?: string | null;
}

/** Image: one image of a batch */
export interface BatchImage {
  imageId: string;
  name: string;
  status: ImageStatus;
  attempts: number;
  error?: string | null;
  operations: Operation[];
  durationMs?: number | null;
  original: ImageFile;
  result?: ImageFile | null;
}

/** Batch: answer of GET /batches/{batchId} */
export interface Batch {
  batchId: string;
  status: BatchStatus;
  createdAt: string;
  completedAt?: string | null;
  notifiedAt?: string | null;
  imageCount: number;
  doneCount: number;
  failedCount: number;
  resultsZipUrl?: string;
  images: BatchImage[];
}

export interface ErrorDetail {
  file?: string;
  field?: string;
  message?: string;
}

/** Error: the body of every error answer (400, 404, 413, 415) */
export interface ErrorBody {
  error: string;
  message: string;
  details?: ErrorDetail[];
}

export const TERMINAL_BATCH_STATUSES: readonly BatchStatus[] = ['COMPLETED', 'COMPLETED_WITH_ERRORS'];

export function isBatchFinished(status: BatchStatus): boolean {
  return TERMINAL_BATCH_STATUSES.includes(status);
}
