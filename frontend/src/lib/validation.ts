/**
 * Pure validation functions shared by the forms and the tests. Each returns a message a person can act on,
 * or null when the value is fine.
 */
import type { Catalogue, Limits, ParameterSpec } from '../api/types';
import { formatBytes, formatList, formatMegapixels } from './format';

/** A parameter's value as the editor holds it: the text of an input, or a checkbox's state. */
export type DraftValue = string | boolean;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function validateEmail(value: string): string | null {
  const email = value.trim();
  if (email === '') return 'Enter the email address that should hear when the batch is done.';
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) return 'Enter a valid email address, like name@example.com.';
  return null;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Reads a batch id from what was typed or pasted: the id itself or a link holding /batches/{id}. */
export function parseBatchId(input: string): { id: string; error: null } | { id: null; error: string } {
  const text = input.trim();
  if (text === '') return { id: null, error: 'Enter a batch ID.' };
  if (isUuid(text)) return { id: text.toLowerCase(), error: null };
  const fromLink = /\/batches\/([^/?#\s]+)/.exec(text)?.[1];
  if (fromLink && isUuid(fromLink)) return { id: fromLink.toLowerCase(), error: null };
  if (UUID_IN_TEXT.test(text) && text.length > 36 && !/\s/.test(text) && text.includes('/')) {
    return { id: null, error: 'That link does not lead to a batch.' };
  }
  return { id: null, error: 'Not a batch ID. Paste the ID or the link from your email.' };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** Checks one parameter's value against its catalogue entry: required, type, range, allowed values. */
export function validateParameter(spec: ParameterSpec, value: DraftValue | undefined): string | null {
  if (spec.type === 'boolean') return null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return spec.required ? 'Required.' : null;

  if (spec.type === 'string') {
    if (spec.enum && spec.enum.length > 0 && !spec.enum.includes(text)) return `Choose one of ${formatList(spec.enum)}.`;
    return null;
  }

  const number = Number(text);
  if (!Number.isFinite(number)) return spec.type === 'integer' ? 'Enter a whole number.' : 'Enter a number.';
  if (spec.type === 'integer' && !Number.isInteger(number)) return 'Enter a whole number.';
  const { minimum: min, maximum: max } = spec;
  const range =
    min !== undefined && max !== undefined ? `between ${formatNumber(min)} and ${formatNumber(max)}` : null;
  if (min !== undefined && number < min) return range ? `Must be ${range}.` : `Must be at least ${formatNumber(min)}.`;
  if (max !== undefined && number > max) return range ? `Must be ${range}.` : `Must be at most ${formatNumber(max)}.`;
  return null;
}

const EXTENSION_FORMATS: Record<string, string> = {
  jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg',
  png: 'png', gif: 'gif', bmp: 'bmp', dib: 'bmp',
  tif: 'tiff', tiff: 'tiff', webp: 'webp',
};

const MIME_FORMATS: Record<string, string> = {
  'image/jpeg': 'jpeg', 'image/pjpeg': 'jpeg', 'image/png': 'png', 'image/gif': 'gif',
  'image/bmp': 'bmp', 'image/x-ms-bmp': 'bmp', 'image/tiff': 'tiff', 'image/webp': 'webp',
};

/** A format name as the catalogue may spell it (jpg, JPEG, tif) in the one spelling used here. */
export function normalizeFormat(format: string): string {
  const lower = format.trim().toLowerCase();
  return EXTENSION_FORMATS[lower] ?? lower;
}

export interface FileLike {
  name: string;
  size: number;
  type: string;
}

/**
 * The format a file claims by its extension or MIME type. Only a hint: the server reads the bytes.
 * Returns the first of the two that names an accepted format, else whatever they name, else null.
 */
export function guessFormat(file: FileLike, inputFormats: string[]): string | null {
  const accepted = new Set(inputFormats.map(normalizeFormat));
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const candidates = [
    extension ? EXTENSION_FORMATS[extension] ?? extension : undefined,
    MIME_FORMATS[file.type.toLowerCase()],
  ].filter((format): format is string => Boolean(format));
  return candidates.find((format) => accepted.has(format)) ?? candidates[0] ?? null;
}

/** The `accept` attribute of the file picker for the catalogue's input formats. */
export function acceptAttribute(inputFormats: string[]): string {
  const formats = new Set(inputFormats.map(normalizeFormat));
  const entries: string[] = [];
  for (const [mime, format] of Object.entries(MIME_FORMATS)) if (formats.has(format)) entries.push(mime);
  for (const [extension, format] of Object.entries(EXTENSION_FORMATS)) if (formats.has(format)) entries.push(`.${extension}`);
  return entries.join(',');
}

export function checkFileCount(count: number, limits: Limits): string | null {
  if (count === 0) return 'Add at least one image.';
  if (count > limits.maxFiles) return `At most ${limits.maxFiles} images per batch: remove ${count - limits.maxFiles}.`;
  return null;
}

/** Problems with one file against the catalogue's formats and limits; pixels only when known. */
export function checkFile(
  file: FileLike,
  catalogue: Pick<Catalogue, 'inputFormats' | 'limits'>,
  pixels?: number,
): string[] {
  const problems: string[] = [];
  const format = guessFormat(file, catalogue.inputFormats);
  const accepted = catalogue.inputFormats.map(normalizeFormat);
  if (accepted.length > 0 && (format === null || !accepted.includes(format))) {
    problems.push(`Not a supported image format. Accepted: ${formatList(accepted.map((f) => f.toUpperCase()))}.`);
  }
  if (file.size === 0) problems.push('The file is empty.');
  if (file.size > catalogue.limits.maxFileBytes) {
    problems.push(`Too large: ${formatBytes(file.size)}, the limit is ${formatBytes(catalogue.limits.maxFileBytes)}.`);
  }
  if (pixels !== undefined && pixels > catalogue.limits.maxPixels) {
    problems.push(`Too many pixels: ${formatMegapixels(pixels)}, the limit is ${formatMegapixels(catalogue.limits.maxPixels)}.`);
  }
  return problems;
}
