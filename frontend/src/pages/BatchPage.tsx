import { Alert } from '../components/Alert';
import { BatchStatusView } from '../components/BatchStatusView';
import { CopyButton } from '../components/CopyButton';
import { useBatch } from '../hooks/useBatch';
import { isUuid } from '../lib/validation';
import { Link } from '../router';

export function BatchPage({ batchId }: { batchId: string }) {
  if (!isUuid(batchId)) return <BatchNotFound batchId={batchId} />;
  return <KnownBatchPage key={batchId} batchId={batchId} />;
}

function KnownBatchPage({ batchId }: { batchId: string }) {
  const { batch, notFound, error } = useBatch(batchId);
  if (notFound) return <BatchNotFound batchId={batchId} />;

  return (
    <main id="main" className="page" tabIndex={-1}>
      <header className="page-intro page-intro--batch">
        <h1>Your images</h1>
        <p className="batch-id">
          <span className="muted">Batch</span> <code>{batchId}</code>
          <CopyButton text={typeof window === 'undefined' ? batchId : window.location.href} label="Copy link" />
        </p>
      </header>
      {error && (
        <Alert tone="warning" title="Trouble reaching the server">
          <p>{error} Trying again…</p>
        </Alert>
      )}
      {batch ? (
        <BatchStatusView batch={batch} />
      ) : (
        !error && (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" /> Loading the batch…
          </p>
        )
      )}
    </main>
  );
}

function BatchNotFound({ batchId }: { batchId: string }) {
  return (
    <main id="main" className="page page--narrow" tabIndex={-1}>
      <div className="card empty-state">
        <h1>We could not find that batch</h1>
        <p>
          There is no batch <code className="break">{batchId}</code>. Check the link in your email, or the ID you typed;
          batches are also removed some time after they finish.
        </p>
        <Link to="/" className="button button--primary">
          Start a new batch
        </Link>
      </div>
    </main>
  );
}
