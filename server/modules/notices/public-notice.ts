// Publishing approvals on public notice, objections by anyone during it, and the officer's ruling on them.
// An upheld objection revokes the approval (budget released, revocation letter) in the ruling's transaction.
import crypto from 'node:crypto';
import { AppError, notFound } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import { beijingDate } from '../../lib/dates.ts';
import { enqueueMail } from '../../notifications/queue-mail.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { revokeApproval, type DecisionDeps } from '../decisions/decide.ts';
import { nextStatus } from '../applications/application-status.ts';
import { noticePeriod, plusDays } from './working-days.ts';
import { noticeStatus, type NoticesRepository } from './notices.repository.ts';

type Deps = DecisionDeps & { notices: NoticesRepository; defaultWorkingDays: number };
type Actor = { user: CurrentUser; clientIp: string };

/** The calendar around a period: 30 working days never span more than 90 calendar days, even across 春节. */
async function periodFor(deps: Deps, startsOn: string, workingDays: number) {
  const calendar = await deps.notices.calendar(startsOn, plusDays(startsOn, 120));
  const period = noticePeriod(startsOn, workingDays, calendar);
  const years = [...new Set([Number(period.startsOn.slice(0, 4)), Number(period.endsOn.slice(0, 4))])];
  const known = await deps.notices.calendarYears(years);
  return { ...period, calendarComplete: years.every((y) => known.includes(y)) };
}

export function makePublicNotices(deps: Deps) {
  async function view(id: string, today?: string) {
    const notice = await deps.notices.find(id);
    if (!notice) throw notFound();
    const now = today ?? beijingDate(await deps.decisions.now());
    const items = (await deps.notices.itemsOf([id])).get(id) ?? [];
    return { ...notice, status: noticeStatus(notice, now), items };
  }

  return {
    view,

    async list(filter: { callId?: string; limit: number; offset: number }) {
      const today = beijingDate(await deps.decisions.now());
      const { items, total } = await deps.notices.list(filter);
      return { total, items: items.map((n) => ({ ...n, status: noticeStatus(n, today) })) };
    },

    /** The officer's view of a call's notices: items and objection counts. */
    async ofCall(callId: string) {
      const today = beijingDate(await deps.decisions.now());
      const { items } = await deps.notices.list({ callId, limit: 100, offset: 0 });
      const ids = items.map((n) => n.id);
      const [listed, counts] = await Promise.all([deps.notices.itemsOf(ids), deps.notices.objectionCounts(ids)]);
      return {
        items: items.map((n) => ({ ...n, status: noticeStatus(n, today), items: listed.get(n.id) ?? [], objections: counts.get(n.id) ?? { pending: 0, upheld: 0, dismissed: 0 } })),
      };
    },

    async publish(callId: string, input: { workingDays?: number; startsOn?: string }, actor: Actor) {
      const result = await deps.sequelize.transaction(async (transaction) => {
        const call = await deps.decisions.lockCall(callId, transaction);
        if (!call) throw notFound();
        const today = beijingDate(await deps.decisions.now(transaction));
        const startsOn = input.startsOn ?? today;
        if (startsOn < today) throw new AppError('validation_failed', { errors: [fieldError('startsOn', 'notice.startInPast')] });
        const approved = await deps.notices.approvedNotNoticed(callId, transaction);
        if (approved.length === 0) throw new AppError('nothing_to_notice');
        const workingDays = input.workingDays ?? deps.defaultWorkingDays;
        const period = await periodFor(deps, startsOn, workingDays);
        const noticeId = await deps.notices.insertNotice({ callId, startsOn: period.startsOn, endsOn: period.endsOn, workingDays, publishedBy: actor.user.id }, transaction);
        for (const row of approved) {
          await deps.notices.insertItem(
            { noticeId, applicationId: row.id, companyName: row.company_name, uscc: row.uscc, amount: Number(row.amount), score: row.score === null ? null : Number(row.score) },
            transaction,
          );
          const to = nextStatus('approved', 'notice')!;
          await deps.applications.update(row.id, { status: to, bumpVersion: true }, transaction);
          await deps.applications.recordTransition({ applicationId: row.id, from: 'approved', to, event: 'notice', byUser: actor.user.id, note: null }, transaction);
        }
        await deps.audit.record(
          { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp },
          { action: 'notice.published', entityType: 'notice', entityId: noticeId, after: { callId, startsOn: period.startsOn, endsOn: period.endsOn, workingDays, applications: approved.map((r) => r.id) } },
          transaction,
        );
        return { noticeId, calendarComplete: period.calendarComplete };
      });
      return { ...(await view(result.noticeId)), calendarComplete: result.calendarComplete };
    },

    async fileObjection(
      noticeId: string,
      input: { applicationId: string; name: string; contact: string; organisation?: string; content: string },
      context: { language: string; clientIp: string },
    ) {
      return deps.sequelize.transaction(async (transaction) => {
        const notice = await deps.notices.find(noticeId, transaction);
        if (!notice) throw notFound();
        const today = beijingDate(await deps.decisions.now(transaction));
        if (noticeStatus(notice, today) !== 'open') throw new AppError('notice_closed', { extra: { startsOn: notice.startsOn, endsOn: notice.endsOn } });
        const item = ((await deps.notices.itemsOf([noticeId], transaction)).get(noticeId) ?? []).find((i) => i.applicationId === input.applicationId && i.status === 'listed');
        if (!item) throw new AppError('validation_failed', { errors: [fieldError('applicationId', 'objection.unknownApplication')] });
        const reference = `YY${today.replaceAll('-', '')}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
        const objection = await deps.notices.insertObjection(
          { reference, noticeId, applicationId: input.applicationId, name: input.name, contact: input.contact, organisation: input.organisation?.trim() || null, content: input.content, language: context.language },
          transaction,
        );
        if (input.contact.includes('@')) {
          await enqueueMail(
            deps.sequelize,
            { to: input.contact, template: 'objection-received', language: context.language, data: { reference, name: input.name, companyName: item.company.name, callTitle: notice.call.title } },
            transaction,
          );
        }
        // the objector's identity stays in the objection; the audit trail records that one was made
        await deps.audit.record(
          { userId: null, label: 'public', clientIp: context.clientIp },
          { action: 'objection.filed', entityType: 'objection', entityId: objection.id, after: { noticeId, applicationId: input.applicationId, reference } },
          transaction,
        );
        return objection;
      });
    },

    async objections(noticeId: string) {
      if (!(await deps.notices.find(noticeId))) throw notFound();
      return { items: await deps.notices.objections(noticeId) };
    },

    async resolveObjection(id: string, input: { outcome: 'upheld' | 'dismissed'; reason: string }, actor: Actor) {
      return deps.sequelize.transaction(async (transaction) => {
        const objection = await deps.notices.findObjection(id, { transaction, lock: true });
        if (!objection) throw notFound();
        if (objection.status !== 'pending') throw new AppError('objection_resolved');
        const notice = (await deps.notices.find(objection.noticeId, transaction))!;
        let letterId: string | null = null;
        // read without a lock: revokeApproval takes the call's then the application's lock, in the order decisions use
        const alreadyRevoked = (await deps.applications.find(objection.applicationId, { transaction }))?.status === 'revoked';
        if (input.outcome === 'upheld' && !alreadyRevoked) {
          const letter = await revokeApproval(deps, { applicationId: objection.applicationId, reason: input.reason, objectionReference: objection.reference, actor }, transaction);
          letterId = letter.id;
        }
        await deps.notices.resolveObjection(id, { status: input.outcome, reason: input.reason, by: actor.user.id }, transaction);
        if (objection.contact.includes('@')) {
          await enqueueMail(
            deps.sequelize,
            {
              to: objection.contact,
              template: 'objection-resolved',
              language: objection.language,
              data: {
                reference: objection.reference,
                name: objection.name,
                companyName: objection.company.name,
                callTitle: notice.call.title,
                reason: input.reason,
                outcomeZh: input.outcome === 'upheld' ? '异议成立，已撤销该立项' : '异议不成立',
                outcomeEn: input.outcome === 'upheld' ? 'upheld; the approval has been revoked' : 'dismissed',
              },
            },
            transaction,
          );
        }
        await deps.audit.record(
          { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp },
          { action: `objection.${input.outcome}`, entityType: 'objection', entityId: id, before: { status: 'pending' }, after: { status: input.outcome, reason: input.reason, applicationId: objection.applicationId, letterId } },
          transaction,
        );
        return { ...(await deps.notices.findObjection(id, { transaction }))!, letterId };
      });
    },

    async holidays(year: number) {
      return { year, items: await deps.notices.holidays(year) };
    },

    async replaceHolidays(year: number, days: { day: string; kind: string; nameZh: string; nameEn: string; source?: string }[], actor: Actor) {
      await deps.sequelize.transaction(async (transaction) => {
        await deps.notices.replaceHolidays(year, days, transaction);
        await deps.audit.record(
          { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp },
          { action: 'calendar.replaced', entityType: 'calendar', entityId: String(year), after: { days: days.length } },
          transaction,
        );
      });
      return { year, items: await deps.notices.holidays(year) };
    },
  };
}
