import type { UploadProgress as Progress } from '../api/client';
import { formatBytes } from '../lib/format';
import { ProgressBar } from './ProgressBar';

interface UploadProgressProps {
  progress: Progress;
  onCancel: () => void;
}

/** Bytes sent so far, then a wait for the server's answer. */
export function UploadProgress({ progress, onCancel }: UploadProgressProps) {
  const { sent, total } = progress;
  const ratio = total > 0 ? sent / total : 0;
  const done = total > 0 && sent >= total;
  const text = done
    ? 'Upload complete. Waiting for the server to accept the batch…'
    : `Uploading: ${formatBytes(sent)} of ${formatBytes(total)} (${Math.round(ratio * 100)} %)`;
  return (
    <div className="upload-progress">
      <div className="upload-progress__row">
        <p className="upload-progress__text">
          {done && <span className="spinner spinner--small" aria-hidden="true" />}
          {text}
        </p>
        <span className="visually-hidden" aria-live="polite">
          {done ? 'Upload complete, waiting for the server.' : 'Uploading.'}
        </span>
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ProgressBar value={ratio} label="Upload progress" valueText={text} />
    </div>
  );
}
