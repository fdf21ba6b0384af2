// Appeals: a rejected firm asks, within 30 days, for its application to be looked at again. A second panel of
// reviewers who did not sit on the first re-scores it (review round 2); the officer then decides the appeal and an
// appeal outcome letter is issued (see decide.ts).
import { QueryTypes } from 'sequelize';
import { AppError } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import { beijingDate } from '../../lib/dates.ts';
import { enqueueMail } from '../../notifications/queue-mail.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { assertFirmMember } from '../applications/applications.permissions.ts';
import { nextStatus } from '../applications/application-status.ts';
import { APPEAL_EVIDENCE } from '../applications/upload-document.ts';
import { appealDeadline } from '../letters/issue-letter.ts';
import type { DecisionDeps } from './decide.ts';

export function makeAppeals(deps: DecisionDeps) {
  return {
    async file(applicationId: string, input: { reasons: string; documentIds?: string[] }, user: CurrentUser, context: { language: string; clientIp: string }) {
      return deps.sequelize.transaction(async (transaction) => {
        const application = assertFirmMember(user, await deps.applications.find(applicationId, { transaction, lock: true }));
        const decisions = (await deps.decisions.ofApplications([applicationId], transaction)).get(applicationId) ?? [];
        if (application.status === 'appealed' || decisions.some((d) => d.stage === 'appeal')) throw new AppError('appeal_exists');
        const to = nextStatus(application.status, 'appeal');
        const rejection = decisions.find((d) => d.stage === 'first' && d.outcome === 'rejected');
        if (!to || !rejection) throw new AppError('invalid_transition', { extra: { status: application.status } });
        const today = beijingDate(await deps.decisions.now(transaction));
        const deadline = appealDeadline(rejection)!;
        if (today > deadline) throw new AppError('appeal_window_closed', { extra: { deadline } });
        const documentIds = [...new Set(input.documentIds ?? [])];
        const documents = await deps.applications.documents(applicationId, transaction);
        const unknown = documentIds.filter((id) => !documents.some((d) => d.id === id && d.kind === APPEAL_EVIDENCE));
        if (unknown.length > 0) throw new AppError('validation_failed', { errors: [fieldError('documentIds', 'appeal.unknownDocument')] });
        const [appeal] = await deps.sequelize.query<{ id: string; filed_at: Date }>(
          `INSERT INTO appeals (application_id, decision_id, reasons, document_ids, filed_by)
           VALUES (:applicationId, :decisionId, :reasons, ARRAY(SELECT json_array_elements_text(:documentIds::json))::uuid[], :userId) RETURNING id, filed_at`,
          { replacements: { applicationId, decisionId: rejection.id, reasons: input.reasons, documentIds: JSON.stringify(documentIds), userId: user.id }, type: QueryTypes.SELECT, transaction },
        );
        await deps.sequelize.query('UPDATE applications SET review_round = 2 WHERE id = :applicationId', { replacements: { applicationId }, transaction });
        await deps.applications.update(applicationId, { status: to, bumpVersion: true }, transaction);
        await deps.applications.recordTransition({ applicationId, from: application.status, to, event: 'appeal', byUser: user.id, note: null }, transaction);
        await deps.audit.record(
          { userId: user.id, label: user.email, clientIp: context.clientIp },
          { action: 'appeal.filed', entityType: 'application', entityId: applicationId, companyId: application.companyId, before: { status: application.status }, after: { status: to, appealId: appeal.id, documents: documentIds.length } },
          transaction,
        );
        const letterContext = await deps.decisions.letterContext(applicationId, transaction);
        await enqueueMail(
          deps.sequelize,
          {
            to: user.email,
            template: 'appeal-received',
            language: context.language,
            applicationId,
            data: { applicationId, callTitle: letterContext?.call.title ?? '', filedAt: new Date(appeal.filed_at).toISOString() },
          },
          transaction,
        );
        return { id: applicationId, status: to, appeal: await deps.decisions.appealOf(applicationId, transaction) };
      });
    },

    /** The officer's list of appeals, optionally of one call. */
    async list(filter: { callId?: string; limit: number; offset: number }) {
      const { items, total } = await deps.decisions.appealsOf(filter);
      return { total, items: items.map(({ decisionId: _decision, ...appeal }) => appeal) };
    },
  };
}

