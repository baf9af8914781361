import assert from 'node:assert/strict';
import { cleanFileName, detectDocumentType } from '../../server/documents/document-types';
import { canDownloadDocument, type ListingDeal } from '../../server/documents/document-access';
import { escapeHtml } from '../../server/deals/agreement-draft';

describe('document rules (pure)', () => {
  describe('detectDocumentType', () => {
    it('accepts the allowed types when the content starts with their signature', () => {
      assert.equal(detectDocumentType('a.pdf', Buffer.from('%PDF-1.4')), 'application/pdf');
      assert.equal(
        detectDocumentType('A.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
        'image/png',
      );
      assert.equal(detectDocumentType('a.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
      assert.match(detectDocumentType('a.docx', Buffer.from('PK\x03\x04'))!, /wordprocessingml/);
      assert.match(detectDocumentType('a.xlsx', Buffer.from('PK\x03\x04'))!, /spreadsheetml/);
      assert.equal(detectDocumentType('ghi-chú.txt', Buffer.from('Công nghệ xử lý')), 'text/plain');
    });

    it('refuses other extensions, missing extensions, and content that does not match', () => {
      assert.equal(detectDocumentType('a.exe', Buffer.from('MZ')), null);
      assert.equal(detectDocumentType('README', Buffer.from('hello')), null);
      assert.equal(detectDocumentType('a.png', Buffer.from('<svg onload=alert(1)>')), null);
      assert.equal(detectDocumentType('a.pdf', Buffer.from('PK\x03\x04')), null);
      assert.equal(detectDocumentType('a.txt', Buffer.from([0x41, 0x00, 0x42])), null);
      assert.equal(detectDocumentType('a.txt', Buffer.from([0xc3, 0x28])), null);
    });

    it('a text cut in the middle of a multi-byte character is still text', () => {
      const text = Buffer.from('thuật');
      assert.equal(detectDocumentType('a.txt', text.subarray(0, text.length - 2)), 'text/plain');
    });
  });

  it('cleanFileName keeps the base name, drops control characters and keeps the extension when shortening', () => {
    assert.equal(cleanFileName('../../etc/passwd.txt'), 'passwd.txt');
    assert.equal(cleanFileName('C:\\Users\\a\\bản vẽ.pdf'), 'bản vẽ.pdf');
    assert.equal(cleanFileName('a\u0000b\u001f.pdf'), 'ab.pdf');
    const long = cleanFileName(`${'x'.repeat(300)}.pdf`);
    assert.equal(long.length, 200);
    assert.ok(long.endsWith('.pdf'));
  });

  describe('canDownloadDocument', () => {
    const owner = 'org-owner';
    const deal = (overrides: Partial<ListingDeal> = {}): ListingDeal => ({
      sellerOrgId: owner,
      buyerOrgId: 'org-buyer',
      status: 'negotiating',
      ndaOrgIds: [],
      ndaBrokerIds: [],
      accessApproved: false,
      brokerConsents: [],
      ...overrides,
    });
    const viewer = (orgId?: string, role: 'member' | 'broker' | 'admin' = 'member', userId = 'u1') => ({
      userId,
      role,
      orgId,
    });
    const can = (
      confidential: boolean,
      v: ReturnType<typeof viewer> | undefined,
      deals: ListingDeal[] = [],
      listingVisible = true,
      policy: 'nda' | 'on_request' = 'nda',
    ) => canDownloadDocument({ confidential, viewer: v, ownerOrgId: owner, listingVisible, deals, policy });

    it('public documents: anyone who sees the listing', () => {
      assert.equal(can(false, undefined), true);
      assert.equal(can(false, viewer('x')), true);
      assert.equal(can(false, undefined, [], false), false);
      assert.equal(can(false, viewer('org-buyer'), [deal()], false), true);
    });

    it('confidential documents: the owner and operators always', () => {
      assert.equal(can(true, viewer(owner)), true);
      assert.equal(can(true, viewer(undefined, 'admin')), true);
      assert.equal(can(true, undefined), false);
      assert.equal(can(true, viewer('x')), false);
    });

    it('confidential documents: a party after its organization accepted the NDA in a live deal', () => {
      assert.equal(can(true, viewer('org-buyer'), [deal()]), false);
      assert.equal(can(true, viewer('org-buyer'), [deal({ ndaOrgIds: ['org-buyer'] })]), true);
      assert.equal(
        can(true, viewer('org-buyer'), [deal({ ndaOrgIds: ['org-buyer'], status: 'cancelled' })]),
        false,
      );
      assert.equal(can(true, viewer('org-other'), [deal({ ndaOrgIds: ['org-buyer'] })]), false);
    });

    it('confidential documents: the deal’s broker once both parties consented and it accepted the NDA', () => {
      const broker = viewer(undefined, 'broker', 'b1');
      const both = [owner, 'org-buyer'];
      assert.equal(can(true, broker, [deal({ brokerUserId: 'b1' })]), false);
      assert.equal(can(true, broker, [deal({ brokerUserId: 'b1', brokerConsents: both })]), false);
      assert.equal(
        can(true, broker, [deal({ brokerUserId: 'b1', brokerConsents: [owner], ndaBrokerIds: ['b1'] })]),
        false,
      );
      assert.equal(
        can(true, broker, [deal({ brokerUserId: 'b1', brokerConsents: both, ndaBrokerIds: ['b1'] })]),
        true,
      );
      assert.equal(
        can(true, viewer(undefined, 'broker', 'b2'), [
          deal({ brokerUserId: 'b1', brokerConsents: both, ndaBrokerIds: ['b2'] }),
        ]),
        false,
      );
    });

    it('confidential documents on request: a party needs the owner’s approval as well as the NDA', () => {
      const buyer = viewer('org-buyer');
      const signed = { ndaOrgIds: ['org-buyer'] };
      assert.equal(can(true, buyer, [deal(signed)], true, 'on_request'), false);
      assert.equal(can(true, buyer, [deal({ accessApproved: true })], true, 'on_request'), false);
      assert.equal(can(true, buyer, [deal({ ...signed, accessApproved: true })], true, 'on_request'), true);
    });
  });

  it('escapeHtml escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeHtml(undefined), '');
  });
});
