import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Batch } from '../api/types';
import { batchInProgress, jsonResponse } from '../test/fixtures';
import { useBatch } from './useBatch';

afterEach(() => vi.unstubAllGlobals());

const completed: Batch = { ...batchInProgress, status: 'COMPLETED_WITH_ERRORS', doneCount: 3, failedCount: 1 };

describe('useBatch', () => {
  it('polls until the batch is finished, then stops', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(batchInProgress))
      .mockResolvedValueOnce(jsonResponse(batchInProgress))
      .mockResolvedValue(jsonResponse(completed));
    vi.stubGlobal('fetch', fetchMock);

    const { result } = renderHook(() => useBatch(batchInProgress.batchId, 5));
    await waitFor(() => expect(result.current.batch?.status).toBe('COMPLETED_WITH_ERRORS'));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await new Promise((done) => setTimeout(done, 50));
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('reports an unknown batch and stops', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse({ error: 'not_found', message: 'No such batch.' }, 404));
    vi.stubGlobal('fetch', fetchMock);
    const { result } = renderHook(() => useBatch(batchInProgress.batchId, 5));
    await waitFor(() => expect(result.current.notFound).toBe(true));
    await new Promise((done) => setTimeout(done, 50));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('keeps the last batch and tries again when a poll fails', async () => {
    let answer: (response: Response) => void = () => {};
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(batchInProgress))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockReturnValueOnce(new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetchMock);
    const { result } = renderHook(() => useBatch(batchInProgress.batchId, 5));
    await waitFor(() => expect(result.current.error).toMatch(/Could not reach the server/));
    expect(result.current.batch?.status).toBe('PROCESSING');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    answer(jsonResponse(completed));
    await waitFor(() => expect(result.current.batch?.status).toBe('COMPLETED_WITH_ERRORS'));
    expect(result.current.error).toBeNull();
  });
});
