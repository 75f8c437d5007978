import { resultsZipUrl } from '../api/client';
import { isBatchFinished, type Batch } from '../api/types';
import { ImageResultCard } from './ImageResultCard';
import { ProgressBar } from './ProgressBar';
import { StatusBadge, statusLabel } from './StatusBadge';

/** One sentence for the live region and the summary: "2 of 3 images processed, 1 failed." */
export function progressSentence(batch: Batch): string {
  const finished = batch.doneCount + batch.failedCount;
  const images = batch.imageCount === 1 ? 'image' : 'images';
  const failed = batch.failedCount > 0 ? `, ${batch.failedCount} failed` : '';
  return `${finished} of ${batch.imageCount} ${images} processed${failed}.`;
}

function formatTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Everything about one batch: its status, progress, the zip, and a card per image. */
export function BatchStatusView({ batch }: { batch: Batch }) {
  const finished = isBatchFinished(batch.status);
  const ratio = batch.imageCount > 0 ? (batch.doneCount + batch.failedCount) / batch.imageCount : 0;
  const sentence = progressSentence(batch);
  const created = formatTime(batch.createdAt);
  const completed = formatTime(batch.completedAt);
  const expires = formatTime(batch.expiresAt);

  return (
    <>
      <section className="card batch-summary" aria-labelledby="batch-summary-title">
        <div className="batch-summary__top">
          <div>
            <h2 id="batch-summary-title" className="section-title">
              Batch status
            </h2>
            <p className="muted small">
              {created && <>Uploaded {created}</>}
              {completed && <> · finished {completed}</>}
              {expires && <> · kept until {expires}</>}
            </p>
          </div>
          <StatusBadge status={batch.status} />
        </div>

        <ProgressBar
          value={ratio}
          label="Batch progress"
          valueText={sentence}
          tone={finished ? (batch.failedCount > 0 ? 'warning' : 'success') : 'accent'}
        />

        <div className="batch-summary__bottom">
          <dl className="counts">
            <div>
              <dt>Images</dt>
              <dd>{batch.imageCount}</dd>
            </div>
            <div>
              <dt>Done</dt>
              <dd>{batch.doneCount}</dd>
            </div>
            <div>
              <dt>Failed</dt>
              <dd>{batch.failedCount}</dd>
            </div>
          </dl>
          {batch.doneCount > 0 ? (
            <a className="button button--primary" href={resultsZipUrl(batch)} download>
              Download all (zip)
            </a>
          ) : (
            <span className="muted small">The zip is ready once an image is done.</span>
          )}
        </div>
        {!finished && (
          <p className="muted small">This page updates by itself; you can also close it and use the link in the email.</p>
        )}
        {batch.notificationError && <p className="small">The completion email was not sent. {batch.notificationError}</p>}
        <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {`Batch ${statusLabel(batch.status).toLowerCase()}. ${sentence}`}
        </p>
      </section>

      <section aria-labelledby="images-title">
        <h2 id="images-title" className="visually-hidden">
          Images
        </h2>
        <div className="result-grid">
          {batch.images.map((image) => (
            <ImageResultCard key={image.imageId} image={image} />
          ))}
        </div>
      </section>
    </>
  );
}
