import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/datetime';
import { formatFixed2 } from '../../../lib/format';
import { useI18n, type Translate } from '../../../lib/i18n';
import { recognitionStatusText } from '../../../lib/recognition/labels';
import type { RecognitionRequest } from '../../../lib/recognition/types';
import { consentMethodText, consentStatusText, memberRoleText } from '../../../lib/talent/labels';
import { consentFormUrl } from '../api/member-path';
import type { Member, RevealedIdNumber, Team } from '../types';

export type MemberAction = 'edit' | 'upload' | 'link' | 'withdraw' | 'remove' | 'reveal';

/** The id of a member's action button, so focus can return to it. */
export const actionButtonId = (memberId: string, action: MemberAction) => `member-${memberId}-${action}`;
/** The cell holding a member's ID number (masked, or revealed to an officer). */
export const idCellId = (memberId: string) => `member-${memberId}-id-number`;
export const revealedId = (memberId: string) => `member-${memberId}-revealed`;

/** A member's name for the page; a member whose personal data was erased may have none left. */
export function memberName(member: Member, t: Translate): string {
  return member.name || t('roster.nameErased');
}

type Props = {
  team: Team;
  /** The firm's own actions: edit, upload, consent link, withdrawal, removal. */
  firm: boolean;
  /** The officer's audited reveal. */
  officer: boolean;
  revealed: (RevealedIdNumber & { memberId: string }) | null;
  /** Each member's residence-point request, once loaded; null while loading or when it could not be. */
  recognition: Map<string, RecognitionRequest> | null;
  onAction: (member: Member, action: MemberAction) => void;
  onHide: () => void;
};

/** Which of the firm's actions apply to a member in their current state; the server checks again. */
function firmActions(member: Member): MemberAction[] {
  if (member.erasedAt) return ['remove'];
  const actions: MemberAction[] = ['edit', 'upload'];
  if (member.consentRecord.status !== 'given') actions.push('link');
  if (member.consentRecord.status === 'given') actions.push('withdraw');
  actions.push('remove');
  return actions;
}

const ACTION_LABELS = {
  edit: 'roster.edit',
  upload: 'roster.upload',
  link: 'roster.link',
  withdraw: 'roster.withdraw',
  remove: 'roster.remove',
  reveal: 'roster.reveal',
} as const;

/** The team's members: role, ID number (masked), consent and its signed form, and what can be done about each. */
export function RosterTable({ team, firm, officer, revealed, recognition, onAction, onHide }: Props) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table roster-table" id="roster-table">
        <caption className="table__caption">{t('roster.caption', { count: team.members.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.name')}</th>
            <th scope="col">{t('roster.role')}</th>
            <th scope="col">{t('roster.idNumber')}</th>
            <th scope="col">{t('roster.consent')}</th>
            <th scope="col">{t('roster.form')}</th>
            <th scope="col">{t('roster.points')}</th>
            {(firm || officer) && <th scope="col">{t('roster.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {team.members.map((member) => {
            const actions: MemberAction[] = [
              ...(firm ? firmActions(member) : []),
              ...(officer && member.idNumberMasked && !member.erasedAt ? (['reveal'] as const) : []),
            ];
            const shown = revealed?.memberId === member.id ? revealed : null;
            return (
              <tr key={member.id} data-member={member.id} data-consent-status={member.consentRecord.status} data-erased={member.erasedAt ? 'true' : undefined}>
                <th scope="row">{member.name || <span className="muted">{t('roster.nameErased')}</span>}</th>
                <td>{memberRoleText(member.role, t)}</td>
                <td id={idCellId(member.id)}>
                  {shown ? <RevealedNumber memberId={member.id} idNumber={shown.idNumber} onHide={onHide} /> : <IdNumber member={member} />}
                </td>
                <td>
                  <ConsentCell member={member} />
                </td>
                <td>
                  {member.consentRecord.form ? (
                    <a href={consentFormUrl(team.id, member.id)} download={member.consentRecord.form.filename} id={`member-${member.id}-form`}>
                      {member.consentRecord.form.filename}
                      <span className="visually-hidden">{t('roster.forMember', { name: memberName(member, t) })}</span>
                    </a>
                  ) : (
                    <span className="muted">{t('roster.noForm')}</span>
                  )}
                </td>
                <td>
                  <PointsCell teamId={team.id} member={member} request={recognition?.get(member.id)} known={recognition !== null} firm={firm} officer={officer} />
                </td>
                {(firm || officer) && (
                  <td>
                    {actions.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <div className="table-actions">
                        {actions.map((action) => (
                          <button
                            key={action}
                            className="button button--secondary button--small"
                            type="button"
                            id={actionButtonId(member.id, action)}
                            onClick={() => onAction(member, action)}
                          >
                            {t(ACTION_LABELS[action])}
                            <span className="visually-hidden">{t('roster.forMember', { name: memberName(member, t) })}</span>
                          </button>
                        ))}
                      </div>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Where the member's residence points stand, and the way to the firm's calculator or the officer's review. */
function PointsCell({ teamId, member, request, known, firm, officer }: { teamId: string; member: Member; request: RecognitionRequest | undefined; known: boolean; firm: boolean; officer: boolean }) {
  const { language, t } = useI18n();
  const forMember = <span className="visually-hidden">{t('roster.forMember', { name: memberName(member, t) })}</span>;
  return (
    <>
      {known ? (
        <span className={`status status--recognition-${request?.status ?? 'none'}`} data-recognition-status={request?.status ?? 'none'} id={`member-${member.id}-points-status`}>
          {recognitionStatusText(request?.status, t)}
        </span>
      ) : (
        <span className="muted">—</span>
      )}
      {request && (
        <span className="roster-table__detail" data-points={request.confirmedPoints ?? request.computedPoints}>
          {request.confirmedPoints !== null
            ? t('roster.pointsConfirmed', { points: formatFixed2(request.confirmedPoints, language) })
            : t('roster.pointsComputed', { points: formatFixed2(request.computedPoints, language) })}
        </span>
      )}
      {firm && !member.erasedAt && (
        <Link className="roster-table__detail" to={`/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(member.id)}/points`} id={`member-${member.id}-points`}>
          {t('roster.pointsLink')}
          {forMember}
        </Link>
      )}
      {officer && request && (
        <Link className="roster-table__detail" to={`/recognition/${encodeURIComponent(request.id)}`} id={`member-${member.id}-recognition`}>
          {t('roster.pointsReview')}
          {forMember}
        </Link>
      )}
    </>
  );
}

function IdNumber({ member }: { member: Member }) {
  const { t } = useI18n();
  if (member.erasedAt) return <span className="muted">{t('roster.idErased')}</span>;
  if (!member.idNumberMasked) return <span className="muted">{t('roster.idNotGiven')}</span>;
  return (
    <span className="code-text id-number" data-masked="true">
      {member.idNumberMasked}
    </span>
  );
}

/** The full number, for the officer who gave a reason; the page removes it after 60 seconds. */
function RevealedNumber({ memberId, idNumber, onHide }: { memberId: string; idNumber: string; onHide: () => void }) {
  const { t } = useI18n();
  return (
    <div className="revealed-number">
      <span className="code-text id-number revealed-number__value focus-heading" id={revealedId(memberId)} tabIndex={-1}>
        <span className="visually-hidden">{t('roster.revealedPrefix')}</span>
        {idNumber}
      </span>
      <span className="muted revealed-number__note">{t('roster.revealedNote')}</span>
      <button className="button button--secondary button--small" type="button" id={`member-${memberId}-hide`} onClick={onHide}>
        {t('roster.hideNow')}
      </button>
    </div>
  );
}

function ConsentCell({ member }: { member: Member }) {
  const { language, t } = useI18n();
  const consent = member.consentRecord;
  return (
    <>
      <span className={`status status--consent-${consent.status}`} data-consent-status={consent.status}>
        {consentStatusText(consent.status, t)}
      </span>
      {consent.status === 'given' && (
        <span className="roster-table__detail">
          {t('roster.givenDetail', { method: consentMethodText(consent.method, t), at: formatDateTime(consent.at, language) })}
          {consent.textVersion && <span className="muted"> {t('roster.textVersion', { version: consent.textVersion })}</span>}
        </span>
      )}
      {consent.status === 'requested' && consent.requestExpiresAt && (
        <span className="roster-table__detail">{t('roster.requestedDetail', { at: formatDateTime(consent.requestExpiresAt, language) })}</span>
      )}
      {consent.status === 'withdrawn' && consent.at && (
        <span className="roster-table__detail">{t('roster.withdrawnDetail', { at: formatDateTime(consent.at, language) })}</span>
      )}
      {member.erasedAt && <span className="roster-table__detail">{t('roster.erasedDetail', { at: formatDateTime(member.erasedAt, language) })}</span>}
    </>
  );
}
