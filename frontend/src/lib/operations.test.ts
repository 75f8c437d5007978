import { describe, expect, it } from 'vitest';
import { catalogue } from '../test/fixtures';
import { cloneDrafts, draftToOperation, findSpec, moveItem, newDraft, validateDraft } from './operations';
import { blockingProblems, buildMetadata, describeLimits, itemProblems, splitDetails, uniqueFileName } from './upload';

const spec = (type: string) => {
  const found = findSpec(catalogue.operations, type);
  if (!found) throw new Error(`no ${type} in the fixture`);
  return found;
};

describe('operation drafts', () => {
  it('start with the catalogue defaults', () => {
    expect(newDraft(spec('resize')).values).toEqual({ width: '', height: '', fit: 'inside', enlarge: false });
    expect(newDraft(spec('quality')).values).toEqual({ quality: '85' });
    expect(newDraft(spec('crop')).values).toEqual({ x: '0', y: '0', width: '', height: '', aspect: '' });
    // a required choice without a default starts at its first option, a required number empty
    expect(newDraft(spec('format')).values).toEqual({ format: 'jpeg' });
    expect(newDraft(spec('rotate')).values).toEqual({ degrees: '' });
  });

  it('get unique ids, also when cloned', () => {
    const drafts = [newDraft(spec('blur')), newDraft(spec('blur'))];
    const copies = cloneDrafts(drafts);
    const ids = new Set([...drafts, ...copies].map((draft) => draft.id));
    expect(ids.size).toBe(4);
    expect(copies.map((copy) => copy.values)).toEqual(drafts.map((draft) => draft.values));
    expect(copies[0]?.values).not.toBe(drafts[0]?.values);
  });

  it('report each invalid field', () => {
    const draft = newDraft(spec('resize'));
    draft.values.width = '0';
    draft.values.height = '1.5';
    expect(validateDraft(spec('resize'), draft)).toEqual({ width: 'Must be between 1 and 20000.', height: 'Enter a whole number.' });
    expect(validateDraft(undefined, draft)).toEqual({ type: 'Unknown operation "resize".' });
  });

  it('become flat API operations with typed values, leaving out empty optional fields', () => {
    const draft = newDraft(spec('resize'));
    draft.values.width = ' 800 ';
    expect(draftToOperation(spec('resize'), draft)).toEqual({ type: 'resize', width: 800, fit: 'inside', enlarge: false });
    const blur = newDraft(spec('blur'));
    blur.values.radius = '2.5';
    expect(draftToOperation(spec('blur'), blur)).toEqual({ type: 'blur', radius: 2.5 });
    expect(draftToOperation(spec('grayscale'), newDraft(spec('grayscale')))).toEqual({ type: 'grayscale' });
  });

  it('move within the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});

describe('the upload form logic', () => {
  const jpeg = (name: string) => ({ name, size: 1000, type: 'image/jpeg' });

  it('keeps file names unique, since the API matches by name', () => {
    const taken = new Set(['photo.jpg', 'photo (2).jpg', 'README']);
    expect(uniqueFileName('other.jpg', taken)).toBe('other.jpg');
    expect(uniqueFileName('photo.jpg', taken)).toBe('photo (3).jpg');
    expect(uniqueFileName('README', taken)).toBe('README (2)');
  });

  it('builds the metadata part with each image named as sent', () => {
    const resize = newDraft(spec('resize'));
    resize.values.width = '400';
    const rotate = newDraft(spec('rotate'));
    rotate.values.degrees = '90';
    const items = [
      { id: '1', file: jpeg('a.jpg'), operations: [resize] },
      { id: '2', file: jpeg('b.jpg'), operations: [newDraft(spec('grayscale')), rotate] },
    ];
    expect(buildMetadata(' ada@example.com ', items, catalogue)).toEqual({
      email: 'ada@example.com',
      images: [
        { name: 'a.jpg', operations: [{ type: 'resize', width: 400, fit: 'inside', enlarge: false }] },
        { name: 'b.jpg', operations: [{ type: 'grayscale' }, { type: 'rotate', degrees: 90 }] },
      ],
    });
  });

  it('lists what is wrong with an image before sending', () => {
    const blur = newDraft(spec('blur'));
    blur.values.radius = '150';
    expect(itemProblems({ id: '1', file: jpeg('a.jpg'), operations: [] }, catalogue)).toEqual({
      file: [],
      operations: ['Add at least one operation.'],
    });
    expect(itemProblems({ id: '1', file: { name: 'a.txt', size: 10, type: 'text/plain' }, operations: [blur] }, catalogue)).toEqual({
      file: [expect.stringMatching(/Not a supported image format/)],
      operations: ['One operation has an invalid value.'],
    });
  });

  it('lists what stops sending, each with a link to where to fix it', () => {
    const items = [
      { id: 'img-1', file: jpeg('a.jpg'), operations: [] },
      { id: 'img-2', file: jpeg('b.jpg'), operations: [newDraft(spec('grayscale'))] },
    ];
    const problems = new Map(items.map((item) => [item.id, itemProblems(item, catalogue)]));
    expect(blockingProblems(items, problems, null, 'Enter a valid email address.')).toEqual([
      { text: 'a.jpg: Add at least one operation.', href: '#img-1-title' },
      { text: 'Enter a valid email address.', href: '#email' },
    ]);
    expect(blockingProblems([], new Map(), 'Add at least one image.', null)).toEqual([{ text: 'Add at least one image.' }]);
  });

  it('sorts error details by the file they concern', () => {
    const { byFile, general } = splitDetails(
      [
        { file: 'a.jpg', field: 'operations[0].width', message: 'must be at most 10000' },
        { file: 'a.jpg', message: 'is not an image' },
        { field: 'email', message: 'must be an email address' },
        { file: 'unknown.jpg', message: 'odd' },
      ],
      ['a.jpg', 'b.jpg'],
    );
    expect(byFile.get('a.jpg')).toEqual(['operations[0].width: must be at most 10000', 'is not an image']);
    expect(byFile.has('b.jpg')).toBe(false);
    expect(general).toEqual(['email: must be an email address', 'unknown.jpg: odd']);
  });
});

describe('describeLimits', () => {
  it('sums up the formats and limits for the drop zone', () => {
    expect(describeLimits(catalogue)).toBe('JPEG, PNG, GIF, BMP, TIFF or WEBP · up to 50 images, 25.0 MB and 50 MP each');
  });

  it('leaves out what the catalogue does not say', () => {
    expect(describeLimits({ inputFormats: ['jpg', 'png'], limits: { maxFiles: Infinity, maxFileBytes: 1024 * 1024, maxPixels: Infinity } })).toBe(
      'JPEG or PNG · 1.0 MB each',
    );
    expect(describeLimits({ inputFormats: [], limits: { maxFiles: Infinity, maxFileBytes: Infinity, maxPixels: Infinity } })).toBe('');
  });
});
