import assert from 'node:assert/strict';
import {
  readSearchState,
  safeHighlight,
  toApiQuery,
  updateSearchParams,
} from '../../../client/src/features/search/searchQuery';

describe('client search URL state', () => {
  it('when the URL names filters, then the API query carries exactly them with page and limit', () => {
    const state = readSearchState(
      new URLSearchParams('q=nuoc+thai&field=engineering_technology&trlMin=4&junk=1'),
    );
    assert.deepEqual(toApiQuery(state), {
      q: 'nuoc thai',
      field: 'engineering_technology',
      trlMin: '4',
      page: '1',
      limit: '20',
    });
  });

  it('when a filter changes, then paging starts again at page 1', () => {
    const next = updateSearchParams(new URLSearchParams('q=x&page=3'), { province: 'ha_noi' });
    assert.equal(next.toString(), 'q=x&province=ha_noi');
  });

  it('when only the page changes, then the other parameters stay', () => {
    const next = updateSearchParams(new URLSearchParams('q=x&field=humanities'), { page: '2' });
    assert.equal(next.toString(), 'q=x&field=humanities&page=2');
  });

  it('when the currency changes, then price bounds typed in the other currency are dropped', () => {
    const next = updateSearchParams(new URLSearchParams('currency=VND&priceMin=100&priceMax=900'), {
      currency: 'USD',
    });
    assert.equal(next.toString(), 'currency=USD');
  });

  it('when a filter is cleared, then it leaves the URL', () => {
    const next = updateSearchParams(new URLSearchParams('kind=offer&q=x'), { kind: undefined });
    assert.equal(next.toString(), 'q=x');
  });

  it('keeps only <mark> tags from a highlight', () => {
    assert.equal(
      safeHighlight('<mark>nước</mark> &amp; <img src=x onerror=alert(1)><script>x</script>'),
      '<mark>nước</mark> &amp; x',
    );
  });
});
