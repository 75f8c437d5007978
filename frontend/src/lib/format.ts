/** Small formatting helpers for sizes, dimensions and lists. */

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

export function formatDimensions(width: number, height: number): string {
  return `${width} × ${height}`;
}

export function formatMegapixels(pixels: number): string {
  const megapixels = pixels / 1_000_000;
  return `${megapixels >= 10 ? Math.round(megapixels) : Number(megapixels.toFixed(1))} MP`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "a", "a or b", "a, b or c" */
export function formatList(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Change in size as a signed percentage, e.g. "−42 %". */
export function formatSizeChange(before: number, after: number): string | null {
  if (before <= 0) return null;
  const change = Math.round(((after - before) / before) * 100);
  if (change === 0) return '±0 %';
  return `${change > 0 ? '+' : '−'}${Math.abs(change)} %`;
}

/** "resize: width 400, fit contain" */
export function describeOperation(operation: { type: string; [key: string]: unknown }): string {
  const parameters = Object.entries(operation)
    .filter(([key]) => key !== 'type')
    .map(([key, value]) => `${key} ${String(value)}`);
  return parameters.length > 0 ? `${operation.type}: ${parameters.join(', ')}` : operation.type;
}

export function humanize(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}
