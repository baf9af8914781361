/**
 * Issue 13's listing images in Debian Chromium: the owner of a published offer uploads a photo on
 * its page; a visitor then sees its thumbnail in the search results and the image on the listing page.
 */
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { PASSWORD, signInAdmin, signUp } from '../helpers/factories';
import { offerBody, published } from '../api/offers-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

const TITLE = 'Công nghệ sấy lạnh nông sản bằng bơm nhiệt';

describe('browser: images of a listing', function () {
  this.timeout(120000);
  const web = useBrowserExchange();

  async function signedInPage(email: string): Promise<Page> {
    const context = await web.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(`${web.exchange.url}/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-name').waitFor();
    return page;
  }

  /** An image as the page sees it (the test runs without the DOM's types). */
  interface LoadedImage {
    complete: boolean;
    naturalWidth: number;
    naturalHeight: number;
  }

  /** Waits until the image has loaded, and answers its natural size. */
  async function loadedSize(page: Page, testId: string): Promise<[number, number]> {
    const img = page.getByTestId(testId).first();
    await img.waitFor();
    await page.waitForFunction(
      (el) => (el as unknown as LoadedImage).complete && (el as unknown as LoadedImage).naturalWidth > 0,
      await img.elementHandle(),
    );
    return img.evaluate((el) => {
      const image = el as unknown as LoadedImage;
      return [image.naturalWidth, image.naturalHeight] as [number, number];
    });
  }

  it('when the owner uploads an image on the listing page, then a visitor sees its thumbnail in search and the image on the listing', async () => {
    const owner = await signUp(web.exchange.url, { email: 'vien@saylanh.example.vn', kind: 'institute' });
    const operatorMember = await signInAdmin(web.exchange.url, 'operator@san.example.vn');
    const offer = await published(owner, operatorMember, 'offers', offerBody({ title: TITLE }));
    const listingUrl = `${web.exchange.url}/offers/${offer.id}`;
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c8702a' } })
      .jpeg()
      .toBuffer();

    const ownerPage = await signedInPage('vien@saylanh.example.vn');
    await ownerPage.goto(listingUrl);
    const card = ownerPage.getByTestId('listing-images');
    await card.waitFor();
    // A file that is not an image is refused, in the reader's language (Vietnamese, the default).
    await card.locator('input[type="file"]').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not an image'),
    });
    await card.getByTestId('image-upload-submit').click();
    assert.equal(
      await ownerPage.getByTestId('image-error').textContent(),
      'Tệp này không phải ảnh JPEG, PNG hoặc WebP.',
    );
    await card
      .locator('input[type="file"]')
      .setInputFiles({ name: 'may-say.jpg', mimeType: 'image/jpeg', buffer: photo });
    await card.getByTestId('image-upload-submit').click();
    await ownerPage.getByTestId('owner-image').waitFor();
    await assertNoSeriousAxeFindings(ownerPage, 'the owner’s images card');
    assert.deepEqual(await loadedSize(ownerPage, 'listing-image'), [900, 600]);

    // A visitor finds the offer with its thumbnail (once the search index holds the change).
    const visitor = await web.newPage('en-GB');
    visitor.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    const searchUrl = `${web.exchange.url}/search?q=${encodeURIComponent('sấy lạnh bơm nhiệt')}`;
    const deadline = Date.now() + 20000;
    for (;;) {
      await visitor.goto(searchUrl);
      await visitor.getByTestId('search-result').first().waitFor();
      if ((await visitor.getByTestId('hit-thumb').count()) > 0 || Date.now() > deadline) break;
      await visitor.waitForTimeout(500);
    }
    const hit = visitor.locator(`[data-testid="search-result"][data-id="${offer.id}"]`);
    assert.equal(await hit.getByTestId('hit-thumb').getAttribute('alt'), TITLE);
    assert.deepEqual(await loadedSize(visitor, 'hit-thumb'), [400, 300]);
    await assertNoSeriousAxeFindings(visitor, 'search results with thumbnails');

    await hit.getByTestId('search-hit').click();
    await visitor.getByTestId('listing-title').waitFor();
    assert.equal(await visitor.getByTestId('listing-image').getAttribute('alt'), TITLE);
    assert.deepEqual(await loadedSize(visitor, 'listing-image'), [900, 600]);
    await assertNoSeriousAxeFindings(visitor, 'the listing page with its gallery');
    assert.equal(await visitor.getByTestId('listing-images').count(), 0);
  });
});
