import type { BatchStatus, ImageStatus } from '../api/types';

const LABELS: Record<BatchStatus | ImageStatus, string> = {
  ACCEPTED: 'Accepted',
  PROCESSING: 'Processing',
  COMPLETED: 'Completed',
  COMPLETED_WITH_ERRORS: 'Completed with errors',
  QUEUED: 'Queued',
  DONE: 'Done',
  FAILED: 'Failed',
};

const TONES: Record<BatchStatus | ImageStatus, string> = {
  ACCEPTED: 'neutral',
  QUEUED: 'neutral',
  PROCESSING: 'info',
  COMPLETED: 'success',
  DONE: 'success',
  COMPLETED_WITH_ERRORS: 'warning',
  FAILED: 'danger',
};

export function statusLabel(status: BatchStatus | ImageStatus): string {
  return LABELS[status] ?? status;
}

export function StatusBadge({ status }: { status: BatchStatus | ImageStatus }) {
  const busy = status === 'PROCESSING';
  return (
    <span className={`badge badge--${TONES[status] ?? 'neutral'}`} data-status={status}>
      {busy && <span className="spinner spinner--small" aria-hidden="true" />}
      {statusLabel(status)}
    </span>
  );
}
