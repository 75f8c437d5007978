import type { Batch, Catalogue } from '../api/types';
import catalogueJson from './fixtures/catalogue.json';

/** The catalogue the tests and the mock backend share (src/test/fixtures/catalogue.json). */
export const catalogue = catalogueJson as Catalogue;

const base = '/api/v1/batches/3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c1b2e/images';

/** A batch in the middle of processing: one image of each status. */
export const batchInProgress: Batch = {
  batchId: '3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c1b2e',
  status: 'PROCESSING',
  createdAt: '2026-11-26T10:00:00Z',
  completedAt: null,
  notifiedAt: null,
  expiresAt: '2026-12-03T10:00:00Z',
  imageCount: 4,
  doneCount: 2,
  failedCount: 1,
  resultsZipUrl: '/api/v1/batches/3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c1b2e/results.zip',
  images: [
    {
      imageId: 'a1',
      name: 'flowers.jpg',
      status: 'DONE',
      attempts: 1,
      error: null,
      operations: [{ type: 'resize', width: 400 }],
      durationMs: 830,
      original: { url: `${base}/a1/original`, format: 'jpeg', contentType: 'image/jpeg', width: 3000, height: 2000, bytes: 595788 },
      result: { url: `${base}/a1/result`, format: 'jpeg', contentType: 'image/jpeg', width: 400, height: 267, bytes: 20480, note: null },
    },
    {
      imageId: 'a2',
      name: 'cups.jpg',
      status: 'DONE',
      attempts: 2,
      error: null,
      operations: [{ type: 'format', format: 'webp' }],
      durationMs: 2100,
      original: { url: `${base}/a2/original`, format: 'jpeg', contentType: 'image/jpeg', width: 1920, height: 1080, bytes: 698472 },
      result: {
        url: `${base}/a2/result`,
        format: 'png',
        contentType: 'image/png',
        width: 1920,
        height: 1080,
        bytes: 1048576,
        note: 'WEBP cannot be written here; written as PNG instead.',
      },
    },
    {
      imageId: 'a3',
      name: 'broken.jpg',
      status: 'FAILED',
      attempts: 3,
      error: 'The image could not be decoded.',
      operations: [{ type: 'grayscale' }],
      durationMs: null,
      original: { url: `${base}/a3/original`, format: 'jpeg', contentType: 'image/jpeg', width: 800, height: 600, bytes: 1000 },
      result: null,
    },
    {
      imageId: 'a4',
      name: 'leaf.jpg',
      status: 'PROCESSING',
      attempts: 1,
      error: null,
      operations: [{ type: 'blur', radius: 2 }],
      durationMs: null,
      original: { url: `${base}/a4/original`, format: 'jpeg', contentType: 'image/jpeg', width: 2560, height: 1600, bytes: 543137 },
      result: null,
    },
  ],
};

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
