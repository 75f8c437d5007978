/** Pure logic of the upload form: names, problems before sending, the metadata part, server details. */
import type { BatchMetadata, Catalogue, ErrorDetail } from '../api/types';
import { describeDetail } from './errors';
import { draftToOperation, findSpec, isDraftValid, type OperationDraft } from './operations';
import { formatBytes, formatList, formatMegapixels } from './format';
import { checkFile, normalizeFormat, type FileLike } from './validation';

export interface UploadItem {
  id: string;
  file: FileLike;
  operations: OperationDraft[];
  dimensions?: { width: number; height: number };
}

/**
 * A name not yet taken: the API matches per-image operations and error details by file name,
 * so two files called photo.jpg become photo.jpg and photo (2).jpg.
 */
export function uniqueFileName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface ItemProblems {
  /** About the file itself (format, size, pixels): shown at once. */
  file: string[];
  /** About its operations (none, invalid values): the fields show their own messages as you type. */
  operations: string[];
}

/** Everything wrong with one image before sending it. */
export function itemProblems(item: UploadItem, catalogue: Catalogue): ItemProblems {
  const pixels = item.dimensions ? item.dimensions.width * item.dimensions.height : undefined;
  const operations: string[] = [];
  if (item.operations.length === 0) operations.push('Add at least one operation.');
  const invalid = item.operations.filter((draft) => !isDraftValid(findSpec(catalogue.operations, draft.type), draft)).length;
  if (invalid > 0) operations.push(invalid === 1 ? 'One operation has an invalid value.' : `${invalid} operations have invalid values.`);
  return { file: checkFile(item.file, catalogue, pixels), operations };
}

/** One thing that stops sending, with a link to where it can be fixed. */
export interface Blocker {
  text: string;
  href?: string;
}

/** Everything that stops sending, in page order: the file count, each image's problems, the email. */
export function blockingProblems(
  items: UploadItem[],
  problems: ReadonlyMap<string, ItemProblems>,
  countError: string | null,
  emailError: string | null,
): Blocker[] {
  const blockers: Blocker[] = countError ? [{ text: countError }] : [];
  for (const item of items) {
    const { file, operations } = problems.get(item.id) ?? { file: [], operations: [] };
    for (const problem of [...file, ...operations]) blockers.push({ text: `${item.file.name}: ${problem}`, href: `#${item.id}-title` });
  }
  if (emailError) blockers.push({ text: emailError, href: '#email' });
  return blockers;
}

export function buildMetadata(email: string, items: UploadItem[], catalogue: Catalogue): BatchMetadata {
  return {
    email: email.trim(),
    images: items.map((item) => ({
      name: item.file.name,
      operations: item.operations.flatMap((draft) => {
        const spec = findSpec(catalogue.operations, draft.type);
        return spec ? [draftToOperation(spec, draft)] : [];
      }),
    })),
  };
}

/** Splits an error's details into those about a file we sent (by name) and the rest. */
export function splitDetails(
  details: ErrorDetail[],
  fileNames: string[],
): { byFile: Map<string, string[]>; general: string[] } {
  const names = new Set(fileNames);
  const byFile = new Map<string, string[]>();
  const general: string[] = [];
  for (const detail of details) {
    if (detail.file && names.has(detail.file)) {
      byFile.set(detail.file, [...(byFile.get(detail.file) ?? []), describeDetail({ ...detail, file: undefined })]);
    } else {
      general.push(describeDetail(detail));
    }
  }
  return { byFile, general };
}

/** "JPEG or PNG · up to 20 images, 25.0 MB and 50 MP each", leaving out what the catalogue does not say. */
export function describeLimits({ inputFormats, limits }: Pick<Catalogue, 'inputFormats' | 'limits'>): string {
  const formats = inputFormats.map((format) => normalizeFormat(format).toUpperCase());
  const each = [
    Number.isFinite(limits.maxFileBytes) ? formatBytes(limits.maxFileBytes) : null,
    Number.isFinite(limits.maxPixels) ? formatMegapixels(limits.maxPixels) : null,
  ].filter(Boolean);
  const quantities = [
    Number.isFinite(limits.maxFiles) ? `up to ${limits.maxFiles} images` : null,
    each.length > 0 ? `${each.join(' and ')} each` : null,
  ].filter(Boolean);
  return [formats.length > 0 ? formatList(formats) : null, quantities.join(', ') || null].filter(Boolean).join(' · ');
}
