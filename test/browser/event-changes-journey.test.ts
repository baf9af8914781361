/**
 * A fair changing after it was announced, in the browser: a participant restates its availability
 * (refused while a scheduled meeting would fall outside it, then kept), an operator edits the event
 * (refused when the change would break the scheduled meeting, then saved) and cancels it with a
 * reason, which the participant's page then shows.
 */
import assert from 'node:assert/strict';
import type { Express } from 'express';
import { useBrowserExchange } from './browser-fixture';
import { signInAdmin, signUp } from '../helpers/factories';
import { approvedParticipant, at, createEvent, onSiteEvent } from '../api/events-helpers';
import { EventModel } from '../../server/events/event.model';
import { EventRegistrationModel } from '../../server/events/event-registration.model';
import { MeetingModel } from '../../server/events/meeting.model';
import { assertNoSeriousAxeFindings } from '../helpers/axe';

/** An ISO time as a `datetime-local` value in this machine's time zone (the browser's too). */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('browser: a fair changed after it was announced', function () {
  this.timeout(180_000);
  const web = useBrowserExchange();

  it('a participant restates its availability; the operator edits the event and cancels it', async () => {
    const app = web.exchange.httpServer as unknown as Express;
    const [admin, institute, enterprise] = await Promise.all([
      signInAdmin(app),
      signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường', name: 'Trần Thị Mai' }),
      signUp(app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Sông Đà', name: 'Lê Văn Bình' }),
    ]);
    // Through the API: an on-site morning where the enterprise meets the institute at 09:00, table 1.
    const eventId = await createEvent(admin, onSiteEvent());
    await approvedParticipant(admin, institute, eventId);
    const rid = await approvedParticipant(admin, enterprise, eventId);
    const asked = await enterprise.agent
      .post(`/api/events/${eventId}/meetings`)
      .send({ withOrganizationId: institute.orgId, message: 'Xin gặp' })
      .expect(201);
    await institute.agent.post(`/api/meetings/${asked.body.meeting.id}/accept`).expect(200);

    // The enterprise moves its availability past its 09:00 meeting: refused, nothing written.
    const visitor = await web.signedInPage(enterprise.user.email, 'en-GB');
    await visitor.goto(`${web.exchange.url}/events/${eventId}`);
    await visitor.getByTestId('availability-edit').click();
    await visitor.getByTestId('availability-form').waitFor();
    await visitor.fill('[data-testid="availability-change-from-0"]', localInput(at('10:20')));
    await visitor.getByTestId('availability-submit').click();
    const refused = visitor.getByTestId('error-availability-change');
    await refused.waitFor();
    assert.match(await refused.innerText(), /scheduled meeting|cuộc gặp đã xếp lịch/);
    const stored = async () => (await EventRegistrationModel.findById(rid).lean())!.availability;
    assert.equal((await stored())[0].from.toISOString(), at('09:00'));
    // Ending it at 11:00 keeps the meeting inside: saved.
    await visitor.fill('[data-testid="availability-change-from-0"]', localInput(at('09:00')));
    await visitor.fill('[data-testid="availability-change-to-0"]', localInput(at('11:00')));
    await visitor.getByTestId('availability-submit').click();
    await visitor.getByTestId('availability-form').waitFor({ state: 'detached' });
    assert.equal((await stored())[0].to.toISOString(), at('11:00'));
    await assertNoSeriousAxeFindings(visitor, 'the registration with its availability');

    // The operator edits the event: a start after the scheduled meeting is refused, a new title saved.
    const operator = await web.signedInPage(admin.user.email, 'vi-VN');
    await operator.goto(`${web.exchange.url}/admin/events/${eventId}`);
    await operator.getByTestId('event-edit').click();
    await operator.getByTestId('event-form').waitFor();
    assert.equal(await operator.inputValue('#event-title'), onSiteEvent().title);
    await operator.fill('#event-startsAt', localInput(at('09:20')));
    await operator.getByTestId('event-submit').click();
    await operator.getByTestId('error-event-startsAt').waitFor();
    assert.match(await operator.getByTestId('error-event-startsAt').innerText(), /cuộc gặp đã xếp lịch/);
    assert.equal((await EventModel.findById(eventId).lean())!.startsAt.toISOString(), at('09:00'));
    await operator.fill('#event-startsAt', localInput(at('09:00')));
    await operator.fill('#event-title', 'Chợ công nghệ Hà Nội mùa xuân');
    await operator.getByTestId('event-submit').click();
    await operator.locator('h1', { hasText: 'Chợ công nghệ Hà Nội mùa xuân' }).waitFor();
    await operator.getByTestId('event-form').waitFor({ state: 'detached' });

    // The operator cancels it, saying why: the meeting ends and the participant's page says so.
    await operator.getByTestId('event-cancel').click();
    await operator.getByTestId(`cancel-event-reason-${eventId}`).fill('Hoãn vì bão');
    await operator.getByTestId(`confirm-cancel-event-${eventId}`).click();
    await operator.getByTestId('event-cancelled').waitFor();
    assert.match(await operator.getByTestId('event-cancelled').innerText(), /Hoãn vì bão/);
    assert.equal((await MeetingModel.findById(asked.body.meeting.id).lean())!.status, 'cancelled');
    assert.equal(await operator.getByTestId('event-edit').count(), 0);

    await visitor.reload();
    await visitor.getByTestId('event-cancelled').waitFor();
    assert.match(
      await visitor.getByTestId('event-cancelled').innerText(),
      /(cancelled|đã bị huỷ).*Hoãn vì bão/s,
    );
    await visitor.locator('[data-testid="registration-status"][data-status="cancelled"]').waitFor();
    assert.equal(await visitor.getByTestId('availability-edit').count(), 0);
  });
});
