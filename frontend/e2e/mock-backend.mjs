// A stand-in for the ImageFlow backend, for developing the web app and running its browser test
// without the Java service. It follows routes/api/openapi.yaml (base path /api/v1), serves dist/ at /
// with index.html for deep links, and "processes" images by timing alone: a result holds the original
// bytes, with the dimensions and format the operations would give. A file whose name contains "fail"
// fails. Only Node's standard library and fflate (for the zip) are used.
//
//   node e2e/mock-backend.mjs [port]      (after `npm run build`; default port 18081)

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

const frontendDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = JSON.parse(await readFile(join(frontendDir, 'src/test/fixtures/catalogue.json'), 'utf8'));

const QUEUE_DELAY_MS = 600;
const PROCESSING_MS = 1500;

const STATIC_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

const CONTENT_TYPES = {
  jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', bmp: 'image/bmp', tiff: 'image/tiff', webp: 'image/webp',
};

/** The format of image bytes by their signature, and their size in pixels where the header tells. */
export function sniffImage(bytes) {
  const b = bytes;
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8) return { format: 'jpeg', ...jpegSize(b) };
  if (b.length > 24 && b.toString('latin1', 1, 4) === 'PNG') return { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 10 && b.toString('latin1', 0, 3) === 'GIF') return { format: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length > 26 && b.toString('latin1', 0, 2) === 'BM') return { format: 'bmp', width: b.readInt32LE(18), height: Math.abs(b.readInt32LE(22)) };
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return { format: 'webp', width: 0, height: 0 };
  if (b.length > 4 && (b.toString('latin1', 0, 4) === 'II*\0' || b.toString('latin1', 0, 4) === 'MM\0*')) return { format: 'tiff', width: 0, height: 0 };
  return null;
}

function jpegSize(b) {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) { i += 1; continue; }
    const marker = b[i + 1];
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return { width: 0, height: 0 };
}

function validateOperations(operations, file) {
  const details = [];
  if (!Array.isArray(operations)) return [{ file, field: 'operations', message: 'must be a list' }];
  operations.forEach((operation, index) => {
    const spec = catalogue.operations.find((op) => op.type === operation?.type);
    const where = `operations[${index}]`;
    if (!spec) {
      details.push({ file, field: `${where}.type`, message: `unknown operation "${operation?.type}"` });
      return;
    }
    for (const parameter of spec.parameters) {
      const value = operation[parameter.name];
      const field = `${where}.${parameter.name}`;
      if (value === undefined) {
        if (parameter.required && parameter.default === undefined) details.push({ file, field, message: 'is required' });
        continue;
      }
      if (parameter.type === 'boolean' && typeof value !== 'boolean') details.push({ file, field, message: 'must be true or false' });
      if ((parameter.type === 'integer' || parameter.type === 'number') && typeof value !== 'number') details.push({ file, field, message: 'must be a number' });
      if (parameter.type === 'integer' && !Number.isInteger(value)) details.push({ file, field, message: 'must be a whole number' });
      if (parameter.minimum !== undefined && value < parameter.minimum) details.push({ file, field, message: `must be at least ${parameter.minimum}` });
      if (parameter.maximum !== undefined && value > parameter.maximum) details.push({ file, field, message: `must be at most ${parameter.maximum}` });
      if (parameter.enum && !parameter.enum.includes(value)) details.push({ file, field, message: `must be one of ${parameter.enum.join(', ')}` });
    }
  });
  return details;
}

/** What the operations would make of the image: dimensions and format, without touching the pixels. */
function plannedResult(original, operations) {
  let { width, height } = original;
  let format = original.format;
  let note = null;
  for (const operation of operations) {
    if (operation.type === 'resize') {
      const ratio = width / height;
      if (operation.width && operation.height) [width, height] = [operation.width, operation.height];
      else if (operation.width) [width, height] = [operation.width, Math.max(1, Math.round(operation.width / ratio))];
      else if (operation.height) [width, height] = [Math.max(1, Math.round(operation.height * ratio)), operation.height];
    } else if (operation.type === 'rotate' && Math.abs(operation.degrees ?? 90) % 180 === 90) {
      [width, height] = [height, width];
    } else if (operation.type === 'format') {
      format = operation.format;
      if (format === 'webp') {
        format = 'png';
        note = 'WEBP cannot be written by this server; the result was written as PNG instead.';
      }
    }
  }
  return { width, height, format, note };
}

function json(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function error(response, status, code, message, details) {
  json(response, status, details ? { error: code, message, details } : { error: code, message });
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function createMockBackend({ distDir = join(frontendDir, 'dist'), log = () => {} } = {}) {
  const batches = new Map();

  function imageView(batch, image, now) {
    const start = batch.createdAt + QUEUE_DELAY_MS * (image.index + 1);
    const end = start + PROCESSING_MS;
    const status = now < start ? 'QUEUED' : now < end ? 'PROCESSING' : image.name.includes('fail') ? 'FAILED' : 'DONE';
    const base = `/api/v1/batches/${batch.id}/images/${image.id}`;
    const original = {
      url: `${base}/original`, format: image.original.format, contentType: CONTENT_TYPES[image.original.format],
      width: image.original.width, height: image.original.height, bytes: image.bytes.length,
    };
    const planned = plannedResult(image.original, image.operations);
    return {
      imageId: image.id,
      name: image.name,
      status,
      attempts: status === 'FAILED' ? 3 : status === 'QUEUED' ? 0 : 1,
      error: status === 'FAILED' ? 'The image could not be decoded (simulated failure).' : null,
      operations: image.operations,
      durationMs: status === 'DONE' || status === 'FAILED' ? PROCESSING_MS : null,
      original,
      result: status === 'DONE'
        ? {
            url: `${base}/result`, format: planned.format, contentType: CONTENT_TYPES[planned.format],
            width: planned.width, height: planned.height,
            bytes: Math.round(image.bytes.length * (planned.width * planned.height) / Math.max(1, image.original.width * image.original.height)),
            note: planned.note,
          }
        : null,
    };
  }

  function batchView(batch) {
    const now = Date.now();
    const images = batch.images.map((image) => imageView(batch, image, now));
    const doneCount = images.filter((image) => image.status === 'DONE').length;
    const failedCount = images.filter((image) => image.status === 'FAILED').length;
    const finished = doneCount + failedCount === images.length;
    const started = images.some((image) => image.status !== 'QUEUED');
    return {
      batchId: batch.id,
      status: finished ? (failedCount > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED') : started ? 'PROCESSING' : 'ACCEPTED',
      createdAt: new Date(batch.createdAt).toISOString(),
      completedAt: finished ? new Date(batch.createdAt + QUEUE_DELAY_MS * images.length + PROCESSING_MS).toISOString() : null,
      notifiedAt: null,
      expiresAt: new Date(batch.createdAt + 7 * 24 * 3600 * 1000).toISOString(),
      imageCount: images.length,
      doneCount,
      failedCount,
      resultsZipUrl: `/api/v1/batches/${batch.id}/results.zip`,
      images,
    };
  }

  async function createBatch(request, response) {
    const body = await readBody(request);
    let form;
    try {
      form = await new Request('http://mock/', { method: 'POST', headers: { 'content-type': request.headers['content-type'] ?? '' }, body }).formData();
    } catch {
      return error(response, 400, 'invalid_request', 'The body must be multipart/form-data with files and metadata parts.');
    }
    const files = form.getAll('files').filter((part) => typeof part !== 'string');
    let metadata;
    try {
      metadata = JSON.parse(String(form.get('metadata') ?? ''));
    } catch {
      return error(response, 400, 'invalid_metadata', 'The metadata part must be JSON text.');
    }
    if (files.length === 0) return error(response, 400, 'no_files', 'Send at least one file in a part named "files".');
    if (files.length > catalogue.limits.maxFiles) {
      return error(response, 413, 'too_many_files', `At most ${catalogue.limits.maxFiles} files per batch.`);
    }
    if (typeof metadata.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(metadata.email)) {
      return error(response, 400, 'invalid_metadata', 'The metadata needs a valid email.', [{ field: 'email', message: 'must be an email address' }]);
    }
    const images = [];
    const details = [];
    let status = 400;
    for (const [index, file] of files.entries()) {
      const bytes = Buffer.from(await file.arrayBuffer());
      const named = metadata.images?.find((entry) => entry.name === file.name) ?? metadata.images?.[index];
      const operations = named?.operations ?? metadata.operations ?? [];
      const original = sniffImage(bytes);
      if (bytes.length > catalogue.limits.maxFileBytes) {
        status = 413;
        details.push({ file: file.name, message: `is larger than ${catalogue.limits.maxFileBytes} bytes` });
      } else if (!original) {
        status = 415;
        details.push({ file: file.name, message: 'is not an image in a supported format' });
      } else if (original.width * original.height > catalogue.limits.maxPixels) {
        status = 413;
        details.push({ file: file.name, message: `has more than ${catalogue.limits.maxPixels} pixels` });
      }
      details.push(...validateOperations(operations, file.name));
      images.push({ id: String(index + 1), index, name: file.name, bytes, original, operations });
    }
    if (details.length > 0) {
      const codes = { 400: 'invalid_operations', 413: 'file_too_large', 415: 'unsupported_media_type' };
      return error(response, status, codes[status], 'Some files or operations were not accepted.', details);
    }
    const batch = { id: randomUUID(), createdAt: Date.now(), images };
    batches.set(batch.id, batch);
    log(`batch ${batch.id}: ${images.length} images`);
    json(response, 202, {
      batchId: batch.id,
      status: 'ACCEPTED',
      statusUrl: `/api/v1/batches/${batch.id}`,
      images: images.map((image) => ({ imageId: image.id, name: image.name, status: 'QUEUED' })),
    });
  }

  function resultName(image, format) {
    const stem = image.name.replace(/\.[^.]+$/, '');
    return `${stem}.${format === 'jpeg' ? 'jpg' : format}`;
  }

  async function api(request, response, path) {
    if (request.method === 'GET' && path === '/operations') return json(response, 200, catalogue);
    if (request.method === 'POST' && path === '/batches') return createBatch(request, response);
    const match = /^\/batches\/([^/]+)(?:\/(results\.zip|images\/([^/]+)\/(original|result)))?$/.exec(path);
    if (!match || request.method !== 'GET') return error(response, 404, 'not_found', `No such resource: ${path}`);
    const [, id, tail, imageId, which] = match;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return error(response, 400, 'invalid_batch_id', 'A batch id is a UUID.');
    const batch = batches.get(id);
    if (!batch) return error(response, 404, 'not_found', `No batch ${id}.`);
    const view = batchView(batch);
    if (!tail) return json(response, 200, view);
    if (tail === 'results.zip') {
      const entries = {};
      for (const image of view.images) {
        if (image.status === 'DONE') entries[resultName(image, image.result.format)] = batch.images.find((i) => i.id === image.imageId).bytes;
      }
      const zip = Buffer.from(zipSync(entries, { level: 0 }));
      response.writeHead(200, {
        'Content-Type': 'application/zip',
        'Content-Length': zip.length,
        'Content-Disposition': `attachment; filename="imageflow-${batch.id}.zip"`,
      });
      return response.end(zip);
    }
    const image = batch.images.find((candidate) => candidate.id === imageId);
    const imageStatus = image && view.images.find((candidate) => candidate.imageId === image.id);
    if (!image || (which === 'result' && imageStatus.status !== 'DONE')) return error(response, 404, 'not_found', 'No such image or result yet.');
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[image.original.format], 'Content-Length': image.bytes.length });
    response.end(image.bytes);
  }

  async function serveStatic(request, response, path) {
    const file = normalize(join(distDir, path));
    const inside = file.startsWith(distDir) && extname(file) !== '';
    try {
      if (inside && (await stat(file)).isFile()) {
        response.writeHead(200, { 'Content-Type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream' });
        return response.end(await readFile(file));
      }
    } catch {
      // fall through to index.html or 404
    }
    if (extname(path) !== '') return error(response, 404, 'not_found', `No file ${path}`);
    try {
      response.writeHead(200, { 'Content-Type': STATIC_TYPES['.html'] });
      response.end(await readFile(join(distDir, 'index.html')));
    } catch {
      error(response, 404, 'not_found', 'The web app is not built: run npm run build.');
    }
  }

  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://mock').pathname);
    // The app may be built with VITE_API_BASE and served from another origin.
    // (an upload with progress events is always preflighted).
    if (path.startsWith('/api/')) {
      response.setHeader('Access-Control-Allow-Origin', '*');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Accept, Content-Type', 'Access-Control-Max-Age': '600' });
        response.end();
        return;
      }
    }
    const handle = path.startsWith('/api/v1/') || path === '/api/v1'
      ? api(request, response, path.slice('/api/v1'.length))
      : serveStatic(request, response, path);
    handle.catch((failure) => {
      log(`error: ${failure.stack ?? failure}`);
      if (!response.headersSent) error(response, 500, 'internal_error', 'The mock backend failed.');
      else response.destroy();
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 18081);
  createMockBackend({ log: (line) => console.log(line) }).listen(port, '127.0.0.1', () => {
    console.log(`mock ImageFlow backend on http://127.0.0.1:${port}`);
  });
}
