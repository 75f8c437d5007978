import { useId, useState, type DragEvent } from 'react';

interface DropZoneProps {
  accept: string;
  /** e.g. "JPEG, PNG or WEBP · up to 20 images of 25 MB each" */
  hint: string;
  disabled?: boolean;
  compact?: boolean;
  onFiles: (files: File[]) => void;
}

/** Drop images here, or pick them with the (keyboard-operable) file picker. */
export function DropZone({ accept, hint, disabled = false, compact = false, onFiles }: DropZoneProps) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  function handleDragOver(event: DragEvent) {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function handleDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  return (
    <div
      className={`dropzone${dragging ? ' dropzone--active' : ''}${compact ? ' dropzone--compact' : ''}`}
      onDragOver={handleDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={handleDrop}
    >
      <svg className="dropzone__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <p className="dropzone__title">{compact ? 'Drop more images here, or' : 'Drag and drop images here, or'}</p>
      <input
        id={inputId}
        className="visually-hidden file-input"
        type="file"
        multiple
        accept={accept || undefined}
        disabled={disabled}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <label htmlFor={inputId} className="button button--primary dropzone__button">
        Choose images
      </label>
      <p className="dropzone__hint">{hint}</p>
    </div>
  );
}
