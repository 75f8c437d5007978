import { normalizeCatalogue } from './normalize';
import type { Batch, BatchAccepted, BatchMetadata, Catalogue, ErrorBody, ErrorDetail } from './types';

/**
 * The backend's origin, set at build time with VITE_API_BASE (e.g. https://imageflow.example.com).
 * Empty means the same origin as the web app, which is how the backend serves it.
 */
export const API_BASE: string = (import.meta.env.VITE_API_BASE ?? '').replace(/\/+$/, '');

const API_PREFIX = '/api/v1';

/** An absolute or base-relative URL for an API path, or for a URL the API handed out (`/api/v1/...`). */
export function apiUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return `${API_BASE}${rooted.startsWith(API_PREFIX) ? rooted : API_PREFIX + rooted}`;
}

/** A failed API call: the contract's Error body, or one made up when the answer had none. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.error;
    this.details = Array.isArray(body.details) ? body.details : [];
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The server could not accept the request.',
  404: 'Not found.',
  413: 'The upload is too large for the server.',
  415: 'One of the files is not an image in a supported format.',
};

/** Turns any error answer into an ApiError, whether or not its body is the contract's JSON. */
export function toApiError(status: number, bodyText: string): ApiError {
  try {
    const body = JSON.parse(bodyText) as Partial<ErrorBody>;
    if (body && typeof body.message === 'string') {
      return new ApiError(status, {
        error: typeof body.error === 'string' ? body.error : `http_${status}`,
        message: body.message,
        details: body.details,
      });
    }
  } catch {
    // not JSON: fall through to a generic message
  }
  const message =
    FALLBACK_MESSAGES[status] ??
    (status === 0 ? 'Could not reach the server. Check your connection and try again.' : `The server answered with an error (HTTP ${status}).`);
  return new ApiError(status, { error: status === 0 ? 'network_error' : `http_${status}`, message });
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw toApiError(0, '');
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return (await response.json()) as T;
}

/** GET /operations: the operations, formats and limits. */
export async function getCatalogue(signal?: AbortSignal): Promise<Catalogue> {
  return normalizeCatalogue(await getJson<unknown>('/operations', signal));
}

/** GET /batches/{batchId} */
export function getBatch(batchId: string, signal?: AbortSignal): Promise<Batch> {
  return getJson<Batch>(`/batches/${encodeURIComponent(batchId)}`, signal);
}

/** The zip of every finished result, as the batch names it or as the contract places it. */
export function resultsZipUrl(batch: Pick<Batch, 'batchId' | 'resultsZipUrl'>): string {
  return apiUrl(batch.resultsZipUrl ?? `/batches/${encodeURIComponent(batch.batchId)}/results.zip`);
}

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface CreateBatchOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** The multipart body of POST /batches: one `files` part per image and the `metadata` JSON part. */
export function batchFormData(files: File[], metadata: BatchMetadata): FormData {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  form.append('metadata', JSON.stringify(metadata));
  return form;
}

/**
 * POST /batches. Uses XMLHttpRequest rather than fetch because only it reports upload progress.
 * Rejects with an ApiError (status 0 when the server could not be reached) or an AbortError.
 */
export function createBatch(files: File[], metadata: BatchMetadata, options: CreateBatchOptions = {}): Promise<BatchAccepted> {
  const { onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/batches'));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ sent: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as BatchAccepted);
        } catch {
          reject(toApiError(xhr.status, ''));
        }
      } else {
        reject(toApiError(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(toApiError(0, ''));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('The upload was cancelled.', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(batchFormData(files, metadata));
  });
}
