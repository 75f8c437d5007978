import { apiUrl } from '../api/client';
import type { BatchImage, ImageFile } from '../api/types';
import { describeOperation, formatBytes, formatDimensions, formatDuration, formatSizeChange } from '../lib/format';
import { BeforeAfterSlider } from './BeforeAfterSlider';
import { StatusBadge } from './StatusBadge';

const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', tiff: 'tif' };

/** flowers.jpg processed into png → flowers.png */
export function resultFileName(name: string, format: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${EXTENSIONS[format] ?? format}`;
}

function frameRatio(file: ImageFile): number {
  if (!file.width || !file.height) return 4 / 3;
  return Math.min(16 / 9, Math.max(3 / 4, file.width / file.height));
}

export function ImageResultCard({ image }: { image: BatchImage }) {
  const { original, result, status } = image;
  const titleId = `image-${image.imageId}-title`;
  const done = status === 'DONE' && result;
  const pending = status === 'QUEUED' || status === 'PROCESSING';

  return (
    <article className="card result-card" aria-labelledby={titleId} data-status={status}>
      <header className="result-card__header">
        <h3 id={titleId} className="result-card__name">
          {image.name}
        </h3>
        <StatusBadge status={status} />
      </header>

      {image.operations.length > 0 && (
        <ol className="chips" aria-label="Operations">
          {image.operations.map((operation, index) => (
            <li key={`${index}-${operation.type}`} className="chip">
              {describeOperation(operation)}
            </li>
          ))}
        </ol>
      )}

      <div className="result-card__media">
        {done ? (
          <BeforeAfterSlider
            beforeSrc={apiUrl(original.url)}
            afterSrc={apiUrl(result.url)}
            beforeAlt={`${image.name} before processing`}
            afterAlt={`${image.name} after processing`}
            aspectRatio={frameRatio(result)}
            label={`Compare ${image.name} before and after`}
          />
        ) : (
          <div className="still" style={{ aspectRatio: String(frameRatio(original)) }}>
            <img className="still__image" src={apiUrl(original.url)} alt={`${image.name} as uploaded`} loading="lazy" />
            {pending && (
              <div className="still__overlay" aria-hidden="true">
                <span className="spinner" />
                <span>{status === 'QUEUED' ? 'Waiting in line…' : 'Processing…'}</span>
              </div>
            )}
          </div>
        )}
      </div>

      {status === 'FAILED' && (
        <div className="callout callout--danger">
          <strong>Processing failed.</strong> {image.error || 'No reason was given.'}
        </div>
      )}
      {result?.note && (
        <div className="callout callout--info">
          <strong>Note:</strong> {result.note}
        </div>
      )}

      <FileFacts original={original} result={result ?? null} />

      <footer className="result-card__footer">
        <p className="muted small">
          {image.durationMs != null && <>Took {formatDuration(image.durationMs)}</>}
          {image.attempts > 1 && <> · {image.attempts} attempts</>}
        </p>
        {done && (
          <a className="button button--secondary button--small" href={apiUrl(result.url)} download={resultFileName(image.name, result.format)}>
            Download<span className="visually-hidden"> {resultFileName(image.name, result.format)}</span>
          </a>
        )}
      </footer>
    </article>
  );
}

function FileFacts({ original, result }: { original: ImageFile; result: ImageFile | null }) {
  const change = result ? formatSizeChange(original.bytes, result.bytes) : null;
  return (
    <table className="facts">
      <caption className="visually-hidden">Before and after</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Format</th>
          <td>{original.format.toUpperCase()}</td>
          <td>{result ? result.format.toUpperCase() : '—'}</td>
        </tr>
        <tr>
          <th scope="row">Dimensions</th>
          <td>{formatDimensions(original.width, original.height)}</td>
          <td>{result ? formatDimensions(result.width, result.height) : '—'}</td>
        </tr>
        <tr>
          <th scope="row">Size</th>
          <td>{formatBytes(original.bytes)}</td>
          <td>
            <span className="nowrap">{result ? formatBytes(result.bytes) : '—'}</span>
            {change && <span className="muted nowrap"> ({change})</span>}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
