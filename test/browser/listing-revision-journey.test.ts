/**
 * Issue 13's "listings that can be kept current" in Debian Chromium: the owner of a published
 * offer edits its title, sees the change awaiting review while the public page keeps the
 * published title, an operator approves it from the review queue, and the public page shows it.
 */
import assert from 'node:assert/strict';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp } from '../helpers/factories';
import { offerBody, published } from '../api/offers-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

const OLD_TITLE = 'Công nghệ xử lý nước thải chế biến thủy sản bằng màng MBR';
const NEW_TITLE = 'Công nghệ màng MBR xử lý nước thải thủy sản, công suất 500 m³/ngày';

describe('browser: changing a published offer through review', function () {
  this.timeout(120000);
  const web = useBrowserExchange();

  it('when the owner edits the title of a published offer, then it awaits review while the public sees the old title, and after the operator approves the public sees the new one', async () => {
    const owner = await signUp(web.exchange.url, { email: 'vien@thuysan.example.vn', kind: 'institute' });
    const operatorMember = await signInAdmin(web.exchange.url, 'operator@san.example.vn');
    const offer = await published(owner, operatorMember, 'offers', offerBody({ title: OLD_TITLE }));
    const listingUrl = `${web.exchange.url}/offers/${offer.id}`;

    // The owner edits the published offer: the change goes to review.
    const ownerPage = await web.signedInPage('vien@thuysan.example.vn');
    await ownerPage.goto(listingUrl);
    await ownerPage.getByTestId(`edit-${offer.id}`).click();
    await ownerPage.getByTestId('offer-form').waitFor();
    await ownerPage.getByTestId('revision-form-notice').waitFor();
    await assertNoSeriousAxeFindings(ownerPage, 'the edit form of a published offer');
    assert.equal(await ownerPage.getByTestId('submit-review').count(), 0);
    await ownerPage.fill('input[name="title"]', NEW_TITLE);
    await ownerPage.getByTestId('submit-changes').click();
    await ownerPage.waitForURL(listingUrl);
    await ownerPage.getByTestId('notice-revisionSubmitted').waitFor();
    await ownerPage.getByTestId('revision-pending').waitFor();
    assert.equal(await ownerPage.getByTestId('listing-title').textContent(), OLD_TITLE);
    assert.equal(await ownerPage.getByTestId('revision-after-title').textContent(), NEW_TITLE);

    // The public page keeps the published title and shows nothing of the pending change.
    const visitor = await web.newPage('en-GB');
    await visitor.goto(listingUrl);
    await visitor.getByTestId('listing-title').waitFor();
    assert.equal(await visitor.getByTestId('listing-title').textContent(), OLD_TITLE);
    assert.equal(await visitor.getByTestId('revision-pending').count(), 0);

    // The operator reads the before/after in the review queue and approves.
    const operator = await web.signedInPage('operator@san.example.vn');
    await operator.goto(`${web.exchange.url}/admin/queue`);
    const item = operator.getByTestId(`revision-item-${offer.id}`);
    await item.waitFor();
    await assertNoSeriousAxeFindings(operator, 'the review queue with the changes before and after');
    assert.equal(await item.getByTestId('revision-before-title').textContent(), OLD_TITLE);
    assert.equal(await item.getByTestId('revision-after-title').textContent(), NEW_TITLE);
    await operator.getByTestId(`approve-revision-${offer.id}`).click();
    await item.waitFor({ state: 'detached' });
    await operator.getByTestId('notice-revision-approved').waitFor();

    // The public page now shows the new title; the owner's notice is gone.
    await visitor.reload();
    await visitor.getByTestId('listing-title').waitFor();
    assert.equal(await visitor.getByTestId('listing-title').textContent(), NEW_TITLE);
    await ownerPage.reload();
    await ownerPage.getByTestId('listing-title').waitFor();
    // The listing can show before the page knows its reader is the owner (whose notice it would be).
    await ownerPage.getByTestId(`edit-${offer.id}`).waitFor();
    assert.equal(await ownerPage.getByTestId('listing-title').textContent(), NEW_TITLE);
    assert.equal(await ownerPage.getByTestId('revision-pending').count(), 0);
  });
});
