import { Link } from '../router';

export function NotFoundPage() {
  return (
    <main id="main" className="page page--narrow" tabIndex={-1}>
      <div className="card empty-state">
        <h1>Page not found</h1>
        <p>This address does not lead anywhere in ImageFlow.</p>
        <Link to="/" className="button button--primary">
          Start a new batch
        </Link>
      </div>
    </main>
  );
}
