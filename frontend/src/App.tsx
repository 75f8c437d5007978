import { useEffect, useRef } from 'react';
import { Header } from './components/Header';
import { BatchPage } from './pages/BatchPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { UploadPage } from './pages/UploadPage';
import { matchRoute, usePath } from './router';

const TITLES = { upload: 'New batch · ImageFlow', batch: 'Batch · ImageFlow', 'not-found': 'Page not found · ImageFlow' };

export function App() {
  const path = usePath();
  const route = matchRoute(path);
  const firstPath = useRef(path);

  useEffect(() => {
    document.title = TITLES[route.page];
  }, [route.page]);

  // After an in-app navigation, start keyboard and screen reader users at the new page's content.
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      {route.page === 'upload' && <UploadPage />}
      {route.page === 'batch' && <BatchPage batchId={route.batchId} />}
      {route.page === 'not-found' && <NotFoundPage />}
      <footer className="site-footer">
        <p>ImageFlow · self-hosted image processing</p>
      </footer>
    </>
  );
}
