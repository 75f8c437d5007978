import { useState } from 'react';
import type { OperationSpec } from '../api/types';
import { useObjectUrl } from '../hooks/useObjectUrl';
import { formatBytes, formatDimensions } from '../lib/format';
import type { OperationDraft } from '../lib/operations';
import { OperationsEditor } from './OperationsEditor';

export interface SelectedImage {
  id: string;
  file: File;
  operations: OperationDraft[];
  /** Known once the thumbnail has loaded (and the browser can decode the format). */
  dimensions?: { width: number; height: number };
  /** Messages the server gave about this file in its last error answer. */
  serverErrors: string[];
}

interface ImageCardProps {
  image: SelectedImage;
  catalogue: OperationSpec[];
  /** Problems found before sending: format, size, pixels, operations. */
  problems: string[];
  canApplyToAll: boolean;
  disabled: boolean;
  onChange: (operations: OperationDraft[]) => void;
  onDimensions: (dimensions: { width: number; height: number }) => void;
  onApplyToAll: () => void;
  onRemove: () => void;
}

/** One selected image: thumbnail, facts, problems and its operations editor. */
export function ImageCard({
  image,
  catalogue,
  problems,
  canApplyToAll,
  disabled,
  onChange,
  onDimensions,
  onApplyToAll,
  onRemove,
}: ImageCardProps) {
  const thumbnail = useObjectUrl(image.file);
  const [previewFailed, setPreviewFailed] = useState(false);
  const { file, dimensions } = image;
  const titleId = `${image.id}-title`;
  const messages = [...problems, ...image.serverErrors];
  const invalid = messages.length > 0;

  return (
    <section
      className={`card image-card${invalid ? ' image-card--invalid' : ''}`}
      aria-labelledby={titleId}
      data-image-id={image.id}
    >
      <div className="image-card__media">
        {thumbnail && !previewFailed ? (
          <img
            className="thumb"
            src={thumbnail}
            alt={`Preview of ${file.name}`}
            onLoad={(event) =>
              onDimensions({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
            }
            onError={() => setPreviewFailed(true)}
          />
        ) : (
          <div className="thumb thumb--placeholder">{previewFailed && <span>No preview</span>}</div>
        )}
      </div>
      <div className="image-card__body">
        <div className="image-card__header">
          <div className="image-card__heading">
            <h3 id={titleId} className="image-card__name">
              {file.name}
            </h3>
            <p className="image-card__facts">
              {formatBytes(file.size)}
              {dimensions && <> · {formatDimensions(dimensions.width, dimensions.height)} px</>}
            </p>
          </div>
          <button
            type="button"
            className="button button--ghost button--small image-card__remove"
            onClick={onRemove}
            disabled={disabled}
            aria-label={`Remove ${file.name}`}
          >
            Remove
          </button>
        </div>

        {invalid && (
          <ul className="problems" aria-label={`Problems with ${file.name}`}>
            {messages.map((message, index) => (
              <li key={`${index}-${message}`}>{message}</li>
            ))}
          </ul>
        )}

        <fieldset className="ops-fieldset" disabled={disabled}>
          <legend className="ops-fieldset__legend">Operations, in order</legend>
          <OperationsEditor
            idPrefix={image.id}
            subject={file.name}
            catalogue={catalogue}
            drafts={image.operations}
            onChange={onChange}
          />
          {canApplyToAll && image.operations.length > 0 && (
            <button
              type="button"
              className="button button--link apply-all"
              onClick={onApplyToAll}
            >
              Apply these operations to all images
            </button>
          )}
        </fieldset>
      </div>
    </section>
  );
}
