import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchInProgress, jsonResponse } from '../test/fixtures';
import { ApiError, apiUrl, batchFormData, getBatch, resultsZipUrl, toApiError } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('puts paths under /api/v1 and leaves the URLs the API hands out alone', () => {
    expect(apiUrl('/operations')).toBe('/api/v1/operations');
    expect(apiUrl('/api/v1/batches/x/images/1/original')).toBe('/api/v1/batches/x/images/1/original');
    expect(apiUrl('https://cdn.example.com/x.png')).toBe('https://cdn.example.com/x.png');
    expect(resultsZipUrl({ batchId: 'b1' })).toBe('/api/v1/batches/b1/results.zip');
  });

  it('reads the contract error body', () => {
    const error = toApiError(413, JSON.stringify({ error: 'file_too_large', message: 'Too big.', details: [{ file: 'a.jpg', message: 'x' }] }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413, code: 'file_too_large', message: 'Too big.', details: [{ file: 'a.jpg', message: 'x' }] });
  });

  it('makes up a message when the body is not the contract JSON', () => {
    expect(toApiError(413, '<html>Request Entity Too Large</html>').message).toBe('The upload is too large for the server.');
    expect(toApiError(502, '').message).toMatch(/HTTP 502/);
    expect(toApiError(0, '').code).toBe('network_error');
  });

  it('gets a batch and turns a 404 into an ApiError', async () => {
    const fetchMock = vi.fn().mockResolvedValueOnce(jsonResponse(batchInProgress));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getBatch(batchInProgress.batchId)).resolves.toEqual(batchInProgress);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/v1/batches/${batchInProgress.batchId}`);

    fetchMock.mockResolvedValueOnce(jsonResponse({ error: 'not_found', message: 'No batch.' }, 404));
    await expect(getBatch('nope')).rejects.toMatchObject({ status: 404, isNotFound: true, message: 'No batch.' });
  });

  it('sends one files part per image and the metadata as JSON text', () => {
    const files = [new File(['a'], 'a.jpg', { type: 'image/jpeg' }), new File(['b'], 'b.png', { type: 'image/png' })];
    const form = batchFormData(files, { email: 'ada@example.com', operations: [{ type: 'grayscale' }] });
    expect(form.getAll('files').map((file) => (file as File).name)).toEqual(['a.jpg', 'b.png']);
    expect(JSON.parse(form.get('metadata') as string)).toEqual({ email: 'ada@example.com', operations: [{ type: 'grayscale' }] });
  });
});
