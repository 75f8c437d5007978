import { describe, expect, it } from 'vitest';
import { catalogue } from '../test/fixtures';
import { normalizeCatalogue } from './normalize';

describe('normalizeCatalogue', () => {
  it('keeps a catalogue that follows the contract as it is', () => {
    expect(normalizeCatalogue(JSON.parse(JSON.stringify(catalogue)))).toEqual(catalogue);
  });

  it('fills in what a sparse answer leaves out', () => {
    expect(normalizeCatalogue({ operations: [{ type: 'resize' }, { nope: true }], inputFormats: ['jpeg', 3] })).toEqual({
      operations: [{ type: 'resize', description: '', parameters: [] }],
      inputFormats: ['jpeg'],
      outputFormats: [],
      limits: { maxFiles: Infinity, maxFileBytes: Infinity, maxPixels: Infinity },
    });
  });

  it('reads parameters leniently', () => {
    const [operation] = normalizeCatalogue({
      operations: [{ type: 'x', parameters: [{ name: 'a', type: 'float', minimum: '1', enum: [] }, { type: 'integer' }] }],
    }).operations;
    expect(operation?.parameters).toEqual([{ name: 'a', type: 'string', required: false }]);
  });

  it('survives an answer that is not an object', () => {
    expect(normalizeCatalogue(null).operations).toEqual([]);
  });
});
