import { describe, expect, it } from 'vitest';
import type { ParameterSpec } from '../api/types';
import { catalogue } from '../test/fixtures';
import {
  acceptAttribute,
  checkFile,
  checkFileCount,
  guessFormat,
  isUuid,
  parseBatchId,
  validateEmail,
  validateParameter,
} from './validation';

const MB = 1024 * 1024;

describe('validateEmail', () => {
  it.each(['ada@example.com', 'first.last+tag@mail.example.co.uk', '  padded@example.org  '])('accepts %s', (email) => {
    expect(validateEmail(email)).toBeNull();
  });

  it('asks for an address when empty', () => {
    expect(validateEmail('   ')).toMatch(/Enter the email/);
  });

  it.each(['plain', 'no-at.example.com', 'a@b', 'a@@b.com', 'a b@c.com', 'a@b.', '@example.com'])('rejects %s', (email) => {
    expect(validateEmail(email)).toMatch(/valid email/);
  });

  it('rejects addresses longer than 254 characters', () => {
    expect(validateEmail(`${'a'.repeat(250)}@example.com`)).toMatch(/valid email/);
  });
});

describe('batch ids', () => {
  const id = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c1b2e';

  it('recognises UUIDs', () => {
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
    expect(isUuid(`${id}0`)).toBe(false);
    expect(isUuid('not-a-uuid')).toBe(false);
  });

  it('reads an id, trimmed and lower-cased', () => {
    expect(parseBatchId(`  ${id.toUpperCase()} `)).toEqual({ id, error: null });
  });

  it('reads the id out of a pasted link', () => {
    expect(parseBatchId(`https://imageflow.example.com/batches/${id}?from=mail`)).toEqual({ id, error: null });
  });

  it('explains what an id looks like', () => {
    expect(parseBatchId('').error).toBe('Enter a batch ID.');
    expect(parseBatchId('1234').error).toMatch(/Not a batch ID/);
  });
});

describe('validateParameter', () => {
  const width: ParameterSpec = { name: 'width', type: 'integer', required: false, minimum: 1, maximum: 10000 };
  const radius: ParameterSpec = { name: 'radius', type: 'number', required: true, minimum: 0.1, maximum: 50 };
  const quality: ParameterSpec = { name: 'quality', type: 'integer', required: false, minimum: 1 };
  const angle: ParameterSpec = { name: 'angle', type: 'number', required: false, maximum: 360 };
  const fit: ParameterSpec = { name: 'fit', type: 'string', required: true, enum: ['contain', 'cover'] };

  it('accepts values inside the range, bounds included', () => {
    for (const value of ['1', '400', '10000', ' 42 ']) expect(validateParameter(width, value)).toBeNull();
    for (const value of ['0.1', '2.5', '50']) expect(validateParameter(radius, value)).toBeNull();
  });

  it('names the range when a value is outside it', () => {
    expect(validateParameter(width, '0')).toBe('Must be between 1 and 10000.');
    expect(validateParameter(width, '10001')).toBe('Must be between 1 and 10000.');
    expect(validateParameter(radius, '0.05')).toBe('Must be between 0.1 and 50.');
  });

  it('names the one bound there is', () => {
    expect(validateParameter(quality, '0')).toBe('Must be at least 1.');
    expect(validateParameter(angle, '361')).toBe('Must be at most 360.');
  });

  it('wants whole numbers for integers and numbers for numbers', () => {
    expect(validateParameter(width, '12.5')).toBe('Enter a whole number.');
    expect(validateParameter(width, 'abc')).toBe('Enter a whole number.');
    expect(validateParameter(radius, 'abc')).toBe('Enter a number.');
  });

  it('requires required values only', () => {
    expect(validateParameter(radius, '')).toBe('Required.');
    expect(validateParameter(width, '')).toBeNull();
    expect(validateParameter(width, undefined)).toBeNull();
  });

  it('checks enumerations', () => {
    expect(validateParameter(fit, 'cover')).toBeNull();
    expect(validateParameter(fit, 'stretch')).toBe('Choose one of contain or cover.');
  });

  it('never faults a boolean', () => {
    expect(validateParameter({ name: 'upscale', type: 'boolean', required: true }, false)).toBeNull();
  });
});

describe('file limits', () => {
  const file = (name: string, size = MB, type = 'image/jpeg') => ({ name, size, type });

  it('guesses the format from the extension or the MIME type', () => {
    expect(guessFormat(file('a.JPG'), catalogue.inputFormats)).toBe('jpeg');
    expect(guessFormat(file('scan.tif', MB, ''), catalogue.inputFormats)).toBe('tiff');
    expect(guessFormat(file('download', MB, 'image/png'), catalogue.inputFormats)).toBe('png');
    expect(guessFormat(file('notes.txt', MB, 'text/plain'), catalogue.inputFormats)).toBe('txt');
    expect(guessFormat(file('noextension', MB, ''), catalogue.inputFormats)).toBeNull();
  });

  it('accepts a supported image within the limits', () => {
    expect(checkFile(file('photo.jpg'), catalogue, 12_000_000)).toEqual([]);
  });

  it('accepts a file whose MIME type is right even if its extension is odd', () => {
    expect(checkFile(file('photo.jpeg-large', MB, 'image/jpeg'), catalogue)).toEqual([]);
  });

  it('rejects formats the catalogue does not list', () => {
    const [problem] = checkFile(file('notes.pdf', MB, 'application/pdf'), catalogue);
    expect(problem).toMatch(/Not a supported image format. Accepted: JPEG, PNG, GIF, BMP, TIFF or WEBP/);
  });

  it('rejects files over maxFileBytes, and empty files', () => {
    expect(checkFile(file('big.png', 26 * MB, 'image/png'), catalogue)).toEqual(['Too large: 26.0 MB, the limit is 25.0 MB.']);
    expect(checkFile(file('empty.png', 0, 'image/png'), catalogue)).toEqual(['The file is empty.']);
  });

  it('rejects images over maxPixels once their size is known', () => {
    expect(checkFile(file('huge.jpg'), catalogue, 60_000_000)).toEqual(['Too many pixels: 60 MP, the limit is 50 MP.']);
  });

  it('counts files against maxFiles', () => {
    expect(checkFileCount(0, catalogue.limits)).toBe('Add at least one image.');
    expect(checkFileCount(50, catalogue.limits)).toBeNull();
    expect(checkFileCount(53, catalogue.limits)).toBe('At most 50 images per batch: remove 3.');
  });

  it('builds the file picker filter from the input formats', () => {
    const accept = acceptAttribute(['jpg', 'png']).split(',');
    expect(accept).toEqual(expect.arrayContaining(['image/jpeg', 'image/png', '.jpg', '.jpeg', '.png']));
    expect(accept).not.toContain('image/gif');
  });
});
