import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRefreshable } from '../../../lib/use-refreshable';
import { getRecognitionSummary } from '../api/get-recognition-summary';
import { getTeam } from '../api/get-team';
import { removeMember } from '../api/remove-member';
import { withdrawConsent } from '../api/withdraw-consent';
import type { Member, RevealedIdNumber, Team } from '../types';
import { ConsentFormUpload } from './consent-form-upload';
import { ConsentRequestForm } from './consent-request-form';
import { MemberForm } from './member-form';
import { RenameTeamForm } from './rename-team-form';
import { RevealForm } from './reveal-form';
import { RosterTable, actionButtonId, idCellId, memberName, revealedId, type MemberAction } from './roster-table';

/** How long an officer sees a revealed ID number before the page removes it again. */
const REVEAL_MS = 60_000;

const OUTCOME_ID = 'roster-outcome';
const ADDED_ID = 'member-added';

/** A talent team's roster. The firm manages members and their consent; an officer may reveal an ID number, with a reason. */
export function TeamPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`talent-team:${id}`, (signal) => getTeam(id, signal));
  // The heading stays the same element from loading to loaded, so the focus the layout gives it on arrival is kept.
  const [renamed, setRenamed] = useState<{ id: string; name: string } | null>(null);
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const loadedName = resource.status === 'success' ? resource.data.name : null;
  const title = (renamed?.id === id ? renamed.name : loadedName) ?? t('team.titleGeneric');
  useDocumentTitle(title);

  return (
    <>
      <BackLink />
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p id="team-not-found">{t('team.notFound')}</p>}
      {resource.status === 'error' && !notFound && <LoadFailed message="team.loadFailed" error={resource.error} onRetry={resource.reload} />}
      {resource.status === 'success' && <TeamView key={id} initial={resource.data} onRenamed={(name) => setRenamed({ id, name })} />}
    </>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back-link">
      <Link to="/teams">{t('team.backToTeams')}</Link>
    </p>
  );
}

type Active = { memberId: string; action: MemberAction };
type Outcome = { kind: 'success' | 'error'; text: string };
type Revealed = RevealedIdNumber & { memberId: string; name: string };

function TeamView({ initial, onRenamed }: { initial: Team; onRenamed: (name: string) => void }) {
  const { language, t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const created = (location.state as { created?: string } | null)?.created;
  const firm = hasAnyRole(user, ['applicant']);
  const officer = hasAnyRole(user, ['officer', 'admin']);
  const { data: team, setData, refresh, refreshError } = useRefreshable(initial, () => getTeam(initial.id));
  useEffect(() => {
    onRenamed(team.name);
  }, [team.name]);

  const [active, setActive] = useState<Active | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [added, setAdded] = useState('');
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [hiddenNote, setHiddenNote] = useState('');
  // Each member's residence-point request: the firm calculates on the member's points page, an officer confirms.
  const points = useApiResource(`team-recognition:${initial.id}`, (signal) => getRecognitionSummary(initial.id, signal));
  const pointsData = points.status === 'success' ? points.data : null;
  const recognition = useMemo(() => (pointsData ? new Map(pointsData.items.map((request) => [request.member.id, request])) : null), [pointsData]);

  // Buttons pressed often disappear with what they did: focus then moves to what happened, or back where the user was.
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);
  const focus = (id: string) => setFocusTarget({ id });

  // A revealed number stays on screen (and in memory) for REVEAL_MS only.
  useEffect(() => {
    if (!revealed) return;
    const timer = window.setTimeout(() => hideRevealed(), REVEAL_MS);
    return () => window.clearTimeout(timer);
  }, [revealed]);

  function hideRevealed() {
    if (!revealed) return;
    if (document.getElementById(idCellId(revealed.memberId))?.contains(document.activeElement)) {
      focus(actionButtonId(revealed.memberId, 'reveal'));
    }
    setHiddenNote(t('roster.hidden', { name: revealed.name }));
    setRevealed(null);
  }

  function open(member: Member, action: MemberAction) {
    setOutcome(null);
    setAdded('');
    setHiddenNote('');
    setActive({ memberId: member.id, action });
  }

  function cancel() {
    if (!active) return;
    const trigger = actionButtonId(active.memberId, active.action);
    setActive(null);
    focus(trigger);
  }

  async function succeed(text: string) {
    setActive(null);
    setOutcome({ kind: 'success', text });
    focus(OUTCOME_ID);
    await refresh();
  }

  function fail(text: string) {
    setActive(null);
    setOutcome({ kind: 'error', text });
    focus(OUTCOME_ID);
  }

  async function runConfirmed(member: Member, send: () => Promise<unknown>, done: string) {
    if (busy) return;
    setBusy(true);
    try {
      await send();
      if (revealed?.memberId === member.id) setRevealed(null);
      await succeed(done);
    } catch (error) {
      fail(describeError(error, t));
    } finally {
      setBusy(false);
    }
  }

  function handleRevealed(member: Member, shown: RevealedIdNumber) {
    setActive(null);
    setRevealed({ ...shown, memberId: member.id, name: memberName(member, t) });
    focus(revealedId(member.id));
  }

  async function handleAdded(member: Member) {
    setOutcome(null);
    setAdded(t('addMember.done', { name: member.name }));
    focus(ADDED_ID);
    await refresh();
  }

  const activeMember = active ? team.members.find((member) => member.id === active.memberId) : undefined;
  const panelKey = active ? `${active.memberId}:${active.action}` : '';

  function renderPanel(member: Member, action: MemberAction): ReactNode {
    const name = memberName(member, t);
    switch (action) {
      case 'edit':
        return (
          <ActionPanel id="edit-member-panel" title={t('editMember.title', { name })}>
            <MemberForm
              teamId={team.id}
              prefix="edit-member"
              member={member}
              onSaved={(saved) => succeed(t('editMember.done', { name: saved.name }))}
              onCancel={cancel}
            />
          </ActionPanel>
        );
      case 'upload':
        return (
          <ActionPanel id="consent-form-panel" title={t('consentUpload.title', { name })}>
            <ConsentFormUpload
              teamId={team.id}
              member={member}
              onUploaded={(form) => succeed(t('consentUpload.done', { name, filename: form.filename }))}
              onCancel={cancel}
            />
          </ActionPanel>
        );
      case 'link':
        return (
          <ActionPanel id="consent-request-panel" title={t('consentRequest.title', { name })}>
            <ConsentRequestForm
              teamId={team.id}
              member={member}
              onSent={(email, expires) => succeed(t('consentRequest.done', { email, at: formatDateTime(expires, language) }))}
              onCancel={cancel}
            />
          </ActionPanel>
        );
      case 'reveal':
        return (
          <ActionPanel id="reveal-panel" title={t('reveal.title', { name })}>
            <RevealForm teamId={team.id} member={member} onRevealed={(shown) => handleRevealed(member, shown)} onCancel={cancel} />
          </ActionPanel>
        );
      case 'withdraw':
        return (
          <ConfirmStep
            id="consent-withdrawal"
            title={t('consentWithdrawal.title', { name })}
            confirmLabel={t('consentWithdrawal.confirm')}
            busyLabel={t('consentWithdrawal.busy')}
            cancelLabel={t('memberForm.cancel')}
            busy={busy}
            danger
            onConfirm={() => void runConfirmed(member, () => withdrawConsent(team.id, member.id), t('consentWithdrawal.done', { name }))}
            onCancel={cancel}
          >
            <p>{t('consentWithdrawal.body')}</p>
          </ConfirmStep>
        );
      case 'remove':
        return (
          <ConfirmStep
            id="member-removal"
            title={t('removeMember.title', { name })}
            confirmLabel={t('removeMember.confirm')}
            busyLabel={t('removeMember.busy')}
            cancelLabel={t('memberForm.cancel')}
            busy={busy}
            danger
            onConfirm={() => void runConfirmed(member, () => removeMember(team.id, member.id), t('removeMember.done', { name }))}
            onCancel={cancel}
          >
            <p>{t('removeMember.body')}</p>
          </ConfirmStep>
        );
    }
  }

  return (
    <>
      {created && !outcome && (
        <Notice kind="success">
          <p id="team-created">{t('team.created', { name: created })}</p>
        </Notice>
      )}
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('team.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      <dl className="summary-list" id="team-facts">
        <div className="summary-list__row">
          <dt>{t('team.company')}</dt>
          <dd>{team.company.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('team.application')}</dt>
          <dd>
            {team.applicationId ? (
              <Link to={`/applications/${encodeURIComponent(team.applicationId)}`} id="team-application-link">
                {t('team.viewApplication')}
              </Link>
            ) : (
              t('team.noApplication')
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('team.updated')}</dt>
          <dd>{formatDateTime(team.updatedAt, language)}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="roster-heading">
        <h2 id="roster-heading">{t('roster.title')}</h2>
        {firm && <p className="roster-intro">{t('roster.introFirm')}</p>}
        {officer && <p className="roster-intro">{t('roster.introOfficer')}</p>}
        {outcome && (
          <Notice kind={outcome.kind}>
            <p className="notice__title focus-heading" id={OUTCOME_ID} tabIndex={-1}>
              {outcome.text}
            </p>
          </Notice>
        )}
        {points.status === 'error' && <LoadFailed message="roster.pointsLoadFailed" error={points.error} onRetry={points.reload} />}
        {team.members.length === 0 ? (
          <p id="roster-empty">{t('roster.empty')}</p>
        ) : (
          <RosterTable team={team} firm={firm} officer={officer} revealed={revealed} recognition={recognition} onAction={open} onHide={hideRevealed} />
        )}
        <p className="visually-hidden" role="status">
          {hiddenNote}
        </p>
        {active && activeMember && <div key={panelKey}>{renderPanel(activeMember, active.action)}</div>}
      </section>

      {firm && (
        <section className="section" aria-labelledby="add-member-heading">
          <h2 id="add-member-heading">{t('addMember.title')}</h2>
          <p>{t('addMember.intro')}</p>
          {added && (
            <Notice kind="success">
              <p className="notice__title focus-heading" id={ADDED_ID} tabIndex={-1}>
                {added}
              </p>
            </Notice>
          )}
          <MemberForm teamId={team.id} prefix="member" onSaved={handleAdded} />
        </section>
      )}

      {firm && (
        <section className="section" aria-labelledby="rename-team-heading">
          <h2 id="rename-team-heading">{t('renameTeam.title')}</h2>
          <RenameTeamForm team={team} onRenamed={(renamed) => setData(renamed)} />
        </section>
      )}
    </>
  );
}

/** A member action's form below the roster; its heading takes focus so the change of context is read out. */
function ActionPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="member-panel confirm-box confirm-box--neutral" id={id} aria-labelledby={`${id}-heading`}>
      <h3 className="focus-heading" id={`${id}-heading`} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {children}
    </section>
  );
}
