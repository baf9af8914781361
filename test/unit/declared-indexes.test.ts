import assert from 'node:assert/strict';
import { ferretDbUsesIndex, keysText } from '../../server/common/declared-indexes';

describe('indexes FerretDB uses (pure)', () => {
  const types: Record<string, string> = { searchDirty: 'Boolean', status: 'String', reference: 'String' };
  const typeOf = (path: string) => types[path];

  it('keeps unique indexes, whatever their fields', () => {
    assert.equal(ferretDbUsesIndex({ reference: 1 }, { unique: true, sparse: true }, typeOf), true);
    assert.equal(ferretDbUsesIndex({ status: 1, reference: 1 }, { unique: true }, typeOf), true);
  });

  it('keeps a single-field index on a true/false field, and no other non-unique index', () => {
    assert.equal(ferretDbUsesIndex({ searchDirty: 1 }, {}, typeOf), true);
    assert.equal(ferretDbUsesIndex({ status: 1 }, {}, typeOf), false);
    assert.equal(ferretDbUsesIndex({ searchDirty: 1, status: 1 }, {}, typeOf), false);
  });

  it('names an index by its keys in order', () => {
    assert.equal(keysText({ status: 1, updatedAt: -1 }), 'status:1,updatedAt:-1');
  });
});
