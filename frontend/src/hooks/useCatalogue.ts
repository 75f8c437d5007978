import { useCallback, useEffect, useState } from 'react';
import { ApiError, getCatalogue } from '../api/client';
import type { Catalogue } from '../api/types';

export type CatalogueState =
  | { status: 'loading' }
  | { status: 'ready'; catalogue: Catalogue }
  | { status: 'error'; message: string };

let cached: Catalogue | null = null;

/** The operations catalogue, fetched once per page load; `retry` tries again after a failure. */
export function useCatalogue(): CatalogueState & { retry: () => void } {
  const [state, setState] = useState<CatalogueState>(cached ? { status: 'ready', catalogue: cached } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (cached) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    getCatalogue(controller.signal)
      .then((catalogue) => {
        cached = catalogue;
        setState({ status: 'ready', catalogue });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof ApiError ? error.message : 'The operations could not be loaded.' });
      });
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
