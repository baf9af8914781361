/**
 * A technology fair from end to end in the browser: an operator creates an online event, an
 * institute (exhibitor, with its published offer) and an enterprise (visitor) register, the
 * operator approves both, the visitor asks for a meeting about the offer, the exhibitor accepts,
 * both enter the online meeting room (each sees the other present) and exchange messages, the
 * exhibitor records the outcome once the meeting has taken place, and the visitor opens a
 * negotiation from it.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp } from '../helpers/factories';
import { offerBody, published } from '../api/offers-helpers';
import { at } from '../api/events-helpers';
import { MeetingModel } from '../../server/events/meeting.model';
import { clearRecordCaches } from '../../server/common/record-cache';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

/** An ISO time as a `datetime-local` value in this machine's time zone (the browser's too). */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('browser: a technology fair, from registration to a negotiation', function () {
  this.timeout(180_000);
  const web = useBrowserExchange();

  async function register(page: Page, eventId: string, fill: (page: Page) => Promise<void>) {
    await page.goto(`${web.exchange.url}/`);
    await page.getByTestId('nav-events').first().click();
    await page.locator(`[data-testid="event-${eventId}"] a`).click();
    await page.getByTestId('registration-form').waitFor();
    await fill(page);
    await page.getByTestId('registration-submit').click();
    await page.locator('[data-testid="registration-status"][data-status="pending"]').waitFor();
  }

  it('the operator creates and approves, the participants meet, and the visitor opens a negotiation', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const [admin, institute, enterprise] = await Promise.all([
      signInAdmin(app),
      signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường', name: 'Trần Thị Mai' }),
      signUp(app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Sông Đà', name: 'Lê Văn Bình' }),
    ]);
    const offerTitle = 'Công nghệ xử lý nước thải bằng màng sinh học MBBR';
    // Through the API, so that the institute's own list of listings (the exhibitor's choice) holds it.
    const offerId = (await published(institute, admin, 'offers', offerBody({ title: offerTitle })))
      .id as string;

    // The operator creates an online event through the form.
    const operator = await web.signedInPage(admin.user.email, 'vi-VN');
    await operator.goto(`${web.exchange.url}/admin`);
    await operator.getByTestId('admin-events-link').click();
    await operator.getByTestId('event-form').waitFor();
    await operator.fill('#event-title', 'Ngày kết nối công nghệ môi trường trực tuyến');
    await operator.fill('#event-startsAt', localInput(at('09:00')));
    await operator.fill('#event-endsAt', localInput(at('12:00')));
    await operator.fill('#event-registrationClosesAt', localInput(at('08:00')));
    assert.equal(await operator.getByTestId('event-online').isChecked(), true);
    await operator.getByTestId('event-field-engineering_technology').check();
    await operator.getByTestId('event-submit').click();
    await operator.waitForURL(/\/admin\/events\/[0-9a-f]{24}$/);
    const eventId = operator.url().split('/').pop()!;
    // The page (and its generic heading) shows while the event loads; its facts come with the event.
    await operator.getByTestId('admin-event-page').getByTestId('event-mode').waitFor();
    assert.match(await operator.locator('h1').innerText(), /Ngày kết nối công nghệ môi trường/);
    assert.match(await operator.getByTestId('event-mode').innerText(), /Trực tuyến/);

    // Both organizations find the event and register.
    const exhibitor = await web.signedInPage(institute.user.email, 'vi-VN');
    await register(exhibitor, eventId, async (page) => {
      await page.getByTestId('registration-role-exhibitor').check();
      await page.getByTestId(`registration-listing-${offerId}`).check();
      await page.fill('#registration-pitch', 'Đã chuyển giao cho 5 nhà máy xử lý nước.');
    });
    const visitor = await web.signedInPage(enterprise.user.email, 'en-GB');
    await register(visitor, eventId, async (page) => {
      await page.fill('#registration-looking-for', 'Wastewater treatment for a textile plant');
    });

    // The operator approves both.
    await operator.reload();
    const pending = operator.locator('li.registration[data-status="pending"]');
    await pending.first().waitFor();
    assert.equal(await pending.count(), 2);
    for (const n of [0, 1]) {
      await pending.first().locator('[data-testid^="approve-"]').click();
      await operator.locator('li.registration[data-status="approved"]').nth(n).waitFor();
    }
    assert.equal(await operator.locator('li.registration[data-status="approved"]').count(), 2);

    // The visitor asks the exhibitor for a meeting about the offer.
    await visitor.reload();
    await visitor.locator('[data-testid="registration-status"][data-status="approved"]').waitFor();
    await visitor.getByTestId('agenda-empty').waitFor();
    const card = visitor.getByTestId(`exhibitor-${institute.orgId}`);
    assert.match((await card.textContent()) ?? '', new RegExp(offerTitle));
    await card.getByTestId(`request-meeting-${institute.orgId}`).click();
    assert.equal(await card.getByTestId('meeting-listing').inputValue(), offerId);
    await card.locator('textarea').fill('We would like to discuss a licence for our plant in Hoà Bình.');
    await card.getByTestId('meeting-submit').click();
    await card.getByTestId('meeting-requested').waitFor();
    const waiting = visitor.getByTestId('agenda-waiting');
    await waiting.waitFor();
    assert.match((await waiting.textContent()) ?? '', /Viện Công nghệ Môi trường/);
    const meetingId = (await waiting.locator('li.meeting').getAttribute('data-testid'))!.replace(
      'meeting-',
      '',
    );

    // The exhibitor accepts: the meeting is scheduled with an online room.
    await exhibitor.reload();
    const request = exhibitor.getByTestId('agenda-requests').getByTestId(`meeting-${meetingId}`);
    assert.match((await request.textContent()) ?? '', /Công ty Nước Sạch Sông Đà/);
    await request.getByTestId('meeting-accept').click();
    const scheduled = exhibitor.getByTestId('agenda-scheduled').getByTestId(`meeting-${meetingId}`);
    await scheduled.getByTestId('meeting-time').waitFor();
    assert.match(await scheduled.getByTestId('meeting-listing-title').innerText(), new RegExp(offerTitle));
    const roomPath = `/events/${eventId}/meetings/${meetingId}/room`;
    assert.equal(await scheduled.getByTestId('meeting-room').innerText(), 'Vào phòng họp trực tuyến');
    assert.equal(await scheduled.getByTestId('meeting-room').getAttribute('href'), roomPath);
    await exhibitor.getByTestId('next-meeting').waitFor();
    await assertNoSeriousAxeFindings(exhibitor, 'the agenda with a scheduled meeting');
    // On a phone, the agenda and its next meeting come before the event's details and catalogue.
    await exhibitor.setViewportSize({ width: 390, height: 844 });
    const top = async (testId: string) => (await exhibitor.getByTestId(testId).boundingBox())!.y;
    assert.ok((await top('next-meeting')) < (await top('event-dates')));
    assert.ok((await top('agenda')) < (await top('catalogue')));
    await exhibitor.setViewportSize({ width: 1280, height: 720 });
    const stored = await MeetingModel.findById(meetingId).lean();
    assert.equal(stored?.status, 'accepted');

    // Both sides enter the online meeting room from their agendas, see each other present and talk.
    await scheduled.getByTestId('meeting-room').click();
    await exhibitor.waitForURL(new RegExp(`${roomPath}$`));
    await exhibitor.getByTestId('meeting-room-page').waitFor();
    assert.equal(await exhibitor.locator('h1').innerText(), 'Phòng họp trực tuyến');
    assert.equal(
      await exhibitor.getByTestId('meeting-room-sides').innerText(),
      'Cuộc gặp giữa Công ty Nước Sạch Sông Đà và Viện Công nghệ Môi trường',
    );
    assert.match(await exhibitor.getByTestId('meeting-room-facts').innerText(), new RegExp(offerTitle));
    await visitor.reload();
    await visitor
      .getByTestId('agenda-scheduled')
      .getByTestId(`meeting-${meetingId}`)
      .getByTestId('meeting-room')
      .click();
    await visitor.waitForURL(new RegExp(`${roomPath}$`));
    assert.equal(await visitor.locator('h1').innerText(), 'Phòng họp trực tuyến');
    // The visitor reads the room in English.
    await visitor.getByTestId('lang-en').first().click();
    await visitor.locator('h1', { hasText: 'Online meeting room' }).waitFor();
    assert.equal(
      await visitor.getByTestId('meeting-room-sides').innerText(),
      'Meeting between Công ty Nước Sạch Sông Đà and Viện Công nghệ Môi trường',
    );
    const present = (page: Page, side: string) =>
      page.locator(`[data-testid="presence-${side}"][data-count="1"]`);
    await present(exhibitor, 'requester').waitFor();
    assert.equal(
      await present(exhibitor, 'requester').innerText(),
      'Công ty Nước Sạch Sông Đà: đang trong phòng (Lê Văn Bình)',
    );
    await present(visitor, 'invitee').waitFor();
    assert.equal(
      await present(visitor, 'invitee').innerText(),
      'Viện Công nghệ Môi trường: in the room (Trần Thị Mai)',
    );
    await visitor.getByTestId('chat-input').fill('Good morning: can you share the plant references?');
    await visitor.getByTestId('chat-send').click();
    const said = (page: Page, text: string) =>
      page.getByTestId('chat-message-body').filter({ hasText: text }).waitFor();
    await said(exhibitor, 'Good morning: can you share the plant references?');
    await exhibitor.getByTestId('chat-input').fill('Chào anh, chúng tôi gửi danh sách 5 nhà máy ngay.');
    await exhibitor.getByTestId('chat-input').press('Enter');
    await said(visitor, 'Chào anh, chúng tôi gửi danh sách 5 nhà máy ngay.');
    assert.equal(await visitor.getByTestId('chat-message').count(), 2);
    await assertNoSeriousAxeFindings(visitor, 'the online meeting room');
    // On a phone: the meeting's facts, then the chat with its composer, nothing scrolling sideways.
    await visitor.setViewportSize({ width: 390, height: 844 });
    const visitorTop = async (testId: string) => (await visitor.getByTestId(testId).boundingBox())!.y;
    assert.ok((await visitorTop('meeting-room-facts')) < (await visitorTop('chat-panel')));
    assert.ok(await visitor.getByTestId('chat-input').isVisible());
    assert.ok(
      (await visitor.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')) <= 0,
    );
    await visitor.setViewportSize({ width: 1280, height: 720 });
    // Leaving the room is seen by the other side.
    await exhibitor.goto(`${web.exchange.url}/events/${eventId}`);
    await visitor.locator('[data-testid="presence-invitee"][data-count="0"]').waitFor();
    await visitor.goto(`${web.exchange.url}/events/${eventId}`);

    // The meeting takes place (moved into the past, as the clock would), and the exhibitor records its outcome.
    const hourAgo = Date.now() - 3600_000;
    await MeetingModel.updateOne(
      { _id: meetingId },
      { $set: { startsAt: new Date(hourAgo), endsAt: new Date(hourAgo + 20 * 60_000) } },
    );
    clearRecordCaches();
    await exhibitor.reload();
    const held = exhibitor.getByTestId(`meeting-${meetingId}`);
    await held.getByTestId('outcome-select').selectOption('negotiation_opened');
    await held.getByTestId('outcome-submit').click();
    await held.locator('[data-testid="outcome-recorded"][data-outcome="negotiation_opened"]').waitFor();
    assert.equal(await held.getByTestId('meeting-open-deal').count(), 0);

    // The visitor opens a negotiation from the meeting and lands on the deal.
    await visitor.reload();
    await visitor.getByTestId(`meeting-${meetingId}`).getByTestId('meeting-open-deal').click();
    await visitor.waitForURL(/\/deals\/[0-9a-f]{24}$/);
    assert.equal(await visitor.getByTestId('deal-title').innerText(), offerTitle);

    // The agenda as an iCalendar file, through the visitor's session.
    const ics = await visitor
      .context()
      .request.get(`${web.exchange.url}/api/events/${eventId}/my-agenda?format=ics`);
    assert.equal(ics.status(), 200);
    assert.match(await ics.text(), /BEGIN:VEVENT/);
  });
});
