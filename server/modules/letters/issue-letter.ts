// Issuing a letter, inside the transaction of the decision it announces: the reference number, the PDF, its hash
// and verification code, and the e-mail that carries it all commit together or not at all.
import crypto from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import { beijingDate } from '../../lib/dates.ts';
import { enqueueMail } from '../../notifications/queue-mail.ts';
import type { Decision, DecisionsRepository, LetterContext } from '../decisions/decisions.repository.ts';
import { paymentSchedule } from '../decisions/payment-schedule.ts';
import { APPEAL_WINDOW_DAYS, LETTER_TITLES, REJECTION_REASONS, type RejectionReason } from '../decisions/reasons.ts';
import { plusDays } from '../notices/working-days.ts';
import { formatReference, newVerifyCode, type LetterInfo, type LettersRepository } from './letters.repository.ts';
import { formatYuan, renderLetter, type LetterContent, type LetterKind } from './render-letter.ts';

export type LetterDeps = { sequelize: Sequelize; letters: LettersRepository; decisions: DecisionsRepository; publicUrl: string };

type Bilingual = { zh: string; en: string };

export function appealDeadline(decision: Decision): string | null {
  return decision.stage === 'first' && decision.outcome === 'rejected' ? plusDays(beijingDate(new Date(decision.decidedAt)), APPEAL_WINDOW_DAYS) : null;
}

export function decisionPayments(programme: string, decision: Decision, screening: Record<string, unknown> | null) {
  if (decision.outcome !== 'approved') return [];
  const award = (screening?.award ?? null) as { amount: number; breakdown: { item: string; amount: number }[] } | null;
  return paymentSchedule(programme, decision.amount, award);
}

function scoresOf(context: LetterContext, kind: LetterKind): LetterContent['scores'] {
  const result = kind === 'appeal_outcome' ? context.appeal?.reviewResult : context.reviewResult;
  const final = kind === 'appeal_outcome' ? context.appeal?.score : context.score;
  if (!result || final === null || final === undefined) return null;
  return { reviewers: result.reviewers, mean: result.mean.total, final, spread: result.spread };
}

export function letterContent(
  context: LetterContext,
  decision: Decision,
  options: { kind: LetterKind; reference: string; version: number; issuedAt: Date; verifyUrl: string; revocation?: LetterContent['revocation']; reissue?: LetterContent['reissue'] },
): LetterContent {
  const screening = context.screening as { outcome: string; ruleSet: { id: string; version: number }; criteria: { id: string; outcome: string; message: Bilingual }[] } | null;
  return {
    kind: options.kind,
    language: context.contact?.language ?? 'zh-CN',
    reference: options.reference,
    version: options.version,
    issuedOn: beijingDate(options.issuedAt),
    verifyUrl: options.verifyUrl,
    company: context.company,
    programme: context.programme,
    call: { title: context.call.title },
    screening: screening ? { outcome: screening.outcome, ruleSet: screening.ruleSet, criteria: screening.criteria } : null,
    scores: scoresOf(context, options.kind),
    decision: {
      outcome: decision.outcome,
      stage: decision.stage,
      amount: decision.amount,
      awardAmount: decision.awardAmount,
      amountReason: decision.amountReason,
      reasons: decision.reasons.map((code) => REJECTION_REASONS[code as RejectionReason] ?? { zh: code, en: code }),
      note: decision.note,
      decidedOn: beijingDate(new Date(decision.decidedAt)),
      appealDeadline: appealDeadline(decision),
      payments: decisionPayments(context.call.programme, decision, context.screening),
    },
    appeal: context.appeal ? { filedOn: beijingDate(new Date(context.appeal.filedAt)), score: context.appeal.score } : null,
    revocation: options.revocation ?? null,
    reissue: options.reissue ?? null,
  };
}

/**
 * Numbers, renders, hashes and stores a letter inside the caller's transaction. A reissue keeps the reference, takes
 * the next version and supersedes the letter it replaces.
 */
export async function storeLetter(
  deps: LetterDeps,
  input: {
    kind: LetterKind;
    applicationId: string | null;
    recognitionRequestId: string | null;
    decisionId: string | null;
    issuedBy: string;
    replaces?: { letter: LetterInfo; reason: string };
    build: (meta: { reference: string; version: number; issuedAt: Date; verifyUrl: string }) => LetterContent;
  },
  transaction: Transaction,
): Promise<LetterInfo> {
  const issuedAt = await deps.decisions.now(transaction);
  const replaces = input.replaces?.letter;
  const year = replaces ? replaces.year : Number(beijingDate(issuedAt).slice(0, 4));
  const number = replaces ? replaces.number : await deps.letters.nextNumber(year, transaction);
  const reference = formatReference(year, number);
  const version = replaces ? replaces.version + 1 : 1;
  const verifyCode = newVerifyCode();
  const content = input.build({ reference, version, issuedAt, verifyUrl: `${deps.publicUrl}/verify/${verifyCode}` });
  const pdf = await renderLetter(content, verifyCode);
  const letter = await deps.letters.insert(
    {
      applicationId: input.applicationId,
      recognitionRequestId: input.recognitionRequestId,
      decisionId: input.decisionId,
      kind: input.kind,
      year,
      number,
      reference,
      version,
      language: content.language,
      sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
      verifyCode,
      content: pdf,
      issuedAt,
      issuedBy: input.issuedBy,
      supersedes: replaces?.id ?? null,
      reissueReason: input.replaces?.reason ?? null,
    },
    transaction,
  );
  if (replaces) await deps.letters.markSuperseded(replaces.id, letter.id, transaction);
  return letter;
}

/** Issues the letter of a decision and queues the e-mail that carries it. */
export async function issueLetter(
  deps: LetterDeps,
  input: {
    applicationId: string;
    decision: Decision;
    kind: LetterKind;
    issuedBy: string;
    revocation?: LetterContent['revocation'];
    replaces?: { letter: LetterInfo; reason: string };
  },
  transaction: Transaction,
): Promise<LetterInfo> {
  const context = await deps.decisions.letterContext(input.applicationId, transaction);
  if (!context) throw new Error(`no application ${input.applicationId}`);
  const letter = await storeLetter(
    deps,
    {
      kind: input.kind,
      applicationId: input.applicationId,
      recognitionRequestId: null,
      decisionId: input.decision.id,
      issuedBy: input.issuedBy,
      replaces: input.replaces,
      build: (meta) =>
        letterContent(context, input.decision, {
          kind: input.kind,
          ...meta,
          revocation: input.revocation,
          reissue: input.replaces ? { reason: input.replaces.reason, replaces: input.replaces.letter.version } : null,
        }),
    },
    transaction,
  );
  const { reference, version, verifyCode } = letter;
  if (context.contact) {
    const title = LETTER_TITLES[input.kind];
    const approved = input.decision.outcome === 'approved' && input.kind !== 'revocation';
    await enqueueMail(
      deps.sequelize,
      {
        to: context.contact.email,
        template: 'decision-issued',
        language: context.contact.language,
        applicationId: input.applicationId,
        data: {
          applicationId: input.applicationId,
          companyName: context.company.name,
          callTitle: context.call.title,
          reference: version > 1 ? `${reference}（v${version}）` : reference,
          verifyCode,
          letterTitleZh: title.zh,
          letterTitleEn: title.en,
          outcomeZh: input.kind === 'revocation' ? '撤销立项' : approved ? '予以立项' : '不予立项',
          outcomeEn: input.kind === 'revocation' ? 'approval revoked' : approved ? 'approved' : 'not approved',
          amountText: approved ? formatYuan(input.decision.amount, context.contact.language) : '',
        },
        attachments: [{ letterId: letter.id }],
      },
      transaction,
    );
  }
  return letter;
}
