let counter = 0;

/** A process-unique id for list keys (crypto.randomUUID is missing outside secure contexts). */
export function nextId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
