import { useEffect, useState } from 'react';
import { ApiError, getBatch } from '../api/client';
import { isBatchFinished, type Batch } from '../api/types';

export const POLL_INTERVAL_MS = 1500;
const MAX_RETRY_DELAY_MS = 15000;

export interface BatchState {
  batch: Batch | null;
  notFound: boolean;
  /** The last failed poll's message while polling goes on; null once a poll succeeds. */
  error: string | null;
}

/**
 * Follows a batch: fetches it at once, then every `intervalMs` until it is COMPLETED or
 * COMPLETED_WITH_ERRORS. A 404 stops polling; other failures back off and try again.
 */
export function useBatch(batchId: string, intervalMs = POLL_INTERVAL_MS): BatchState {
  const [state, setState] = useState<BatchState>({ batch: null, notFound: false, error: null });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    setState({ batch: null, notFound: false, error: null });

    async function poll() {
      try {
        const batch = await getBatch(batchId, controller.signal);
        failures = 0;
        setState({ batch, notFound: false, error: null });
        if (!isBatchFinished(batch.status)) timer = setTimeout(poll, intervalMs);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
          setState({ batch: null, notFound: true, error: null });
          return;
        }
        failures += 1;
        const message = error instanceof Error ? error.message : 'The batch could not be loaded.';
        setState((previous) => ({ ...previous, error: message }));
        timer = setTimeout(poll, Math.min(intervalMs * 2 ** failures, MAX_RETRY_DELAY_MS));
      }
    }

    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [batchId, intervalMs]);

  return state;
}
