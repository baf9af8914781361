/**
 * A fair's programme and suggested meetings in the browser: an operator adds a pitch session (the
 * exhibitor speaking about its offer) at `/admin/events/:id`, the public event page lists it, and
 * a visitor whose published demand matches the exhibitor's offer sees the exhibitor suggested and
 * asks for a meeting about the offer with one click.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp } from '../helpers/factories';
import { demandBody, offerBody, published } from '../api/offers-helpers';
import { approvedParticipant, at, createEvent, onSiteEvent } from '../api/events-helpers';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

/** An ISO time as a `datetime-local` value in this machine's time zone (the browser's too). */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('browser: a fair’s programme of pitch sessions and suggested meetings', function () {
  this.timeout(180_000);
  const web = useBrowserExchange();

  it('the operator adds a session shown on the event page, and the visitor asks the suggested exhibitor for a meeting in one click', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const [admin, institute, enterprise] = await Promise.all([
      signInAdmin(app),
      signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường', name: 'Trần Thị Mai' }),
      signUp(app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Sông Đà', name: 'Lê Văn Bình' }),
    ]);
    const offerTitle = 'Công nghệ xử lý nước thải bằng màng sinh học MBBR';
    const offerId = (await published(institute, admin, 'offers', offerBody({ title: offerTitle })))
      .id as string;
    await published(
      enterprise,
      admin,
      'demands',
      demandBody({
        title: 'Cần công nghệ xử lý nước thải cho nhà máy dệt',
        field: 'engineering_technology',
        subField: 'environmental_engineering',
        keywords: ['xử lý nước thải', 'màng mbr'],
        transferModes: ['turnkey'],
        province: 'ha_noi',
      }),
    );
    const eventId = await createEvent(admin, onSiteEvent());
    await approvedParticipant(admin, institute, eventId, { listingIds: [offerId] });
    await approvedParticipant(admin, enterprise, eventId, { role: 'visitor' });

    // The operator adds a pitch session: the institute pitches its offer in room A.
    const operator = await web.signedInPage(admin.user.email, 'vi-VN');
    await operator.goto(`${web.exchange.url}/admin/events/${eventId}`);
    await operator.getByTestId('programme-editor').waitFor();
    await operator.locator('li.registration[data-status="approved"]').nth(1).waitFor();
    await operator.getByTestId('session-add').click();
    await operator.fill('#session-new-title', 'Giới thiệu màng sinh học MBBR');
    await operator.getByTestId('session-new-starts').fill(localInput(at('10:30')));
    await operator.getByTestId('session-new-ends').fill(localInput(at('10:45')));
    await operator.fill('#session-new-room', 'Phòng A');
    await operator.getByTestId('session-new-speaker').selectOption(institute.orgId);
    await operator.getByTestId('session-new-listing').selectOption(offerId);
    await operator.getByTestId('session-new-save').click();
    const row = operator.getByTestId('programme-editor').locator('li[data-testid^="session-"]');
    await row.first().waitFor();
    assert.match((await row.first().textContent()) ?? '', /Giới thiệu màng sinh học MBBR.*Phòng A/s);

    // A session outside the event is refused, and nothing is added.
    await operator.getByTestId('session-add').click();
    await operator.fill('#session-new-title', 'Phiên quá giờ');
    await operator.getByTestId('session-new-starts').fill(localInput(at('11:50')));
    await operator.getByTestId('session-new-ends').fill(localInput(at('12:30')));
    await operator.fill('#session-new-room', 'Phòng B');
    await operator.getByTestId('session-new-speaker').selectOption(institute.orgId);
    await operator.getByTestId('session-new-save').click();
    await operator.getByTestId('session-new-form').getByTestId('error-alert').waitFor();
    assert.equal(await row.count(), 1);

    // The visitor sees the programme and the suggested exhibitor, and asks for a meeting in one click.
    const visitor = await web.signedInPage(enterprise.user.email, 'en-GB');
    await visitor.goto(`${web.exchange.url}/events/${eventId}`);
    const programme = visitor.getByTestId('programme');
    // The section shows while its sessions load; the assertion waits for the session itself.
    await programme.locator('li[data-testid^="session-"]').first().waitFor();
    assert.match((await programme.textContent()) ?? '', /Giới thiệu màng sinh học MBBR/);
    assert.match((await programme.textContent()) ?? '', /Viện Công nghệ Môi trường/);
    const suggestion = visitor.getByTestId(`suggestion-${institute.orgId}`);
    await suggestion.waitFor();
    assert.match((await suggestion.textContent()) ?? '', new RegExp(offerTitle));
    await assertNoSeriousAxeFindings(visitor, 'the event page with its programme and suggestions');
    await suggestion.getByTestId(`suggestion-request-${institute.orgId}`).click();
    await suggestion.getByTestId('suggestion-open-meeting').waitFor();
    const waiting = visitor.getByTestId('agenda-waiting');
    await waiting.waitFor();
    assert.match((await waiting.textContent()) ?? '', /Viện Công nghệ Môi trường/);

    // The exhibitor sees the request, about its offer.
    const exhibitor = await web.signedInPage(institute.user.email, 'vi-VN');
    await exhibitor.goto(`${web.exchange.url}/events/${eventId}`);
    const requests = exhibitor.getByTestId('agenda-requests');
    await requests.waitFor();
    assert.match((await requests.textContent()) ?? '', new RegExp(offerTitle));
  });
});
