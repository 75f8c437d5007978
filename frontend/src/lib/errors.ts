import type { ErrorDetail } from '../api/types';

/** One line for an error detail: "flowers.jpg: width: must be at most 10000". */
export function describeDetail(detail: ErrorDetail): string {
  const where = [detail.file, detail.field].filter(Boolean).join(' · ');
  const message = detail.message?.trim() || 'Invalid.';
  return where ? `${where}: ${message}` : message;
}
