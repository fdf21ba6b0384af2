import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { applicationStatusText, fieldsText, fieldText, releaseReasonText, reviewerKindText } from '../../../lib/reviews/labels';
import { formatPoints } from '../../../lib/reviews/rubric';
import { ReviewStatusBadge } from '../../../components/ui/review-status-badge';
import { addAssignment } from '../api/add-assignment';
import { removeAssignment } from '../api/remove-assignment';
import type { Assignment, PanelItem, ReviewerOption, ReviewSettings } from '../types';
import { ScoreSummary } from '../../../components/ui/score-summary';

type Props = {
  callId: string;
  item: PanelItem;
  reviewers: ReviewerOption[];
  settings: ReviewSettings;
  onChanged: () => Promise<void>;
};

type Message = { kind: 'status' | 'error'; text: string } | null;

/** One application's panel: progress, each reviewer with their state, and hand (un)assignment. */
export function ApplicationPanel({ callId, item, reviewers, settings, onChanged }: Props) {
  const { language, t } = useI18n();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const flagged = item.score?.flagged === true;
  const headingId = `panel-${item.applicationId}-heading`;
  const progressId = `panel-${item.applicationId}-progress`;

  /** Runs one change, says how it went, and reloads the page's data; true when it worked. */
  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'status', text: done });
      await onChanged();
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error, t) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className={flagged ? 'panel-card panel-card--flagged' : 'panel-card'}
      aria-labelledby={headingId}
      data-application={item.applicationId}
      data-flagged={flagged || undefined}
      data-testid={`panel-${item.applicationId}`}
    >
      <h3 className="panel-card__title" id={headingId}>
        {item.company.name} <span className="panel-card__uscc">{item.company.uscc}</span>
      </h3>
      {flagged && item.score && (
        <p className="flag" data-testid={`flag-${item.applicationId}`}>
          <span className="flag__icon" aria-hidden="true">
            ⚑
          </span>{' '}
          <strong>{t('panels.flagged')}</strong>{' '}
          {t('panels.flaggedBecause', { spread: formatPoints(item.score.spread, language), margin: formatPoints(settings.spreadMargin, language) })}
        </p>
      )}
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row">
          <dt>{t('panels.field')}</dt>
          <dd>{fieldText(item.field, t)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('panels.status')}</dt>
          <dd>
            <span className={`status status--${item.status}`} data-status={item.status}>
              {applicationStatusText(item.status, t)}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('panels.progressLabel')}</dt>
          <dd className="panel-progress">
            <label className="panel-progress__text" htmlFor={progressId}>
              {t('panels.progress', { submitted: item.submitted, required: item.required })}
              {item.active < item.required && <span className="muted"> {t('panels.activeShort', { active: item.active })}</span>}
            </label>
            <progress className="panel-progress__bar" id={progressId} max={Math.max(item.required, 1)} value={Math.min(item.submitted, Math.max(item.required, 1))} />
          </dd>
        </div>
        {item.score && <ScoreSummary score={item.score} />}
      </dl>

      <AssignmentTable item={item} busy={busy} onRemove={(assignment) => void run(() => removeAssignment(assignment.id), t('panels.removed', { name: assignment.reviewer.displayName }))} />

      <AddReviewer item={item} reviewers={reviewers} busy={busy} onAdd={(reviewer) => run(() => addAssignment(item.applicationId, reviewer.id), t('panels.added', { name: reviewer.displayName }))} />

      <p className={message?.kind === 'error' ? 'panel-card__message field__error' : 'panel-card__message'} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>

      {(item.submitted > 0 || item.score) && (
        <p>
          <Link
            className={flagged ? 'button button--small' : 'button button--secondary button--small'}
            to={`/applications/${encodeURIComponent(item.applicationId)}/moderation?call=${encodeURIComponent(callId)}`}
          >
            {flagged ? t('panels.moderate') : t('panels.viewScores')}
            <span className="visually-hidden">{t('panels.forCompany', { company: item.company.name })}</span>
          </Link>
        </p>
      )}
      {item.submittedAt && <p className="muted panel-card__meta">{t('panels.submittedAt', { at: formatDateTime(item.submittedAt, language) })}</p>}
    </article>
  );
}

function AssignmentTable({ item, busy, onRemove }: { item: PanelItem; busy: boolean; onRemove: (assignment: Assignment) => void }) {
  const { language, t } = useI18n();
  if (item.assignments.length === 0) return <p>{t('panels.noReviewers')}</p>;
  const separator = language === 'en' ? ', ' : '、';
  return (
    <div className="table-wrap">
      <table className="table" data-testid={`assignments-${item.applicationId}`}>
        <caption className="visually-hidden">{t('panels.reviewersOf', { company: item.company.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panels.reviewer')}</th>
            <th scope="col">{t('panels.kind')}</th>
            <th scope="col">{t('panels.status')}</th>
            <th scope="col" className="table__number">
              {t('reviews.total')}
            </th>
            <th scope="col">{t('panels.assignedBy')}</th>
            <th scope="col">{t('panels.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {item.assignments.map((assignment) => (
            <tr key={assignment.id} data-assignment={assignment.id} data-status={assignment.status}>
              <th scope="row">
                {assignment.reviewer.displayName}
                <span className="panel-card__fields">{fieldsText(assignment.reviewer.fields, t, separator)}</span>
              </th>
              <td>{reviewerKindText(assignment.reviewer.kind, t)}</td>
              <td>
                <ReviewStatusBadge status={assignment.status} />
                {assignment.status === 'released' && assignment.releaseReason && (
                  <span className="muted"> {releaseReasonText(assignment.releaseReason, t)}</span>
                )}
                {assignment.status === 'assigned' && assignment.conflict === null && <span className="muted"> {t('panels.notDeclared')}</span>}
              </td>
              <td className="table__number">{formatPoints(assignment.total, language)}</td>
              <td>{assignment.assignedBy === 'auto' ? t('panels.assignedByAuto') : t('panels.assignedByOfficer')}</td>
              <td>
                {assignment.status === 'assigned' && (
                  <button
                    className="button button--secondary button--small"
                    type="button"
                    onClick={() => onRemove(assignment)}
                    aria-disabled={busy || undefined}
                    data-testid={`remove-assignment-${assignment.id}`}
                  >
                    {t('panels.remove')}
                    <span className="visually-hidden">{t('panels.removeWho', { name: assignment.reviewer.displayName })}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddReviewer({ item, reviewers, busy, onAdd }: { item: PanelItem; reviewers: ReviewerOption[]; busy: boolean; onAdd: (reviewer: ReviewerOption) => Promise<boolean> }) {
  const { language, t } = useI18n();
  const [selected, setSelected] = useState('');
  const [error, setError] = useState('');
  const selectId = `add-reviewer-${item.applicationId}`;
  const onPanel = new Set(item.assignments.filter((assignment) => assignment.status !== 'released').map((assignment) => String(assignment.reviewer.id)));
  const options = reviewers.filter((reviewer) => !onPanel.has(String(reviewer.id)));
  const separator = language === 'en' ? ', ' : '、';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const reviewer = options.find((option) => String(option.id) === selected);
    if (!reviewer) {
      setError(t('panels.chooseReviewer'));
      document.getElementById(selectId)?.focus();
      return;
    }
    setError('');
    if (await onAdd(reviewer)) setSelected('');
  }

  if (options.length === 0) return <p className="muted">{t('panels.noMoreReviewers')}</p>;
  return (
    <form className="add-reviewer" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
      <div className={error ? 'field field--error add-reviewer__field' : 'field add-reviewer__field'}>
        <label className="field__label" htmlFor={selectId}>
          {t('panels.addReviewer')}
          <span className="visually-hidden">{t('panels.forCompany', { company: item.company.name })}</span>
        </label>
        {error && (
          <p className="field__error" id={`${selectId}-error`}>
            <span className="visually-hidden">{t('common.errorPrefix')}</span>
            {error}
          </p>
        )}
        <select
          className="field__input field__select"
          id={selectId}
          name="reviewerId"
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${selectId}-error` : undefined}
        >
          <option value="">{t('panels.chooseReviewerOption')}</option>
          {options.map((reviewer) => (
            <option key={reviewer.id} value={String(reviewer.id)}>
              {t('panels.reviewerOption', {
                name: reviewer.displayName,
                kind: reviewerKindText(reviewer.kind, t),
                fields: fieldsText(reviewer.fields, t, separator),
                load: reviewer.load,
              })}
            </option>
          ))}
        </select>
      </div>
      <button className="button button--secondary add-reviewer__button" type="submit" aria-disabled={busy || undefined}>
        {t('panels.add')}
        <span className="visually-hidden">{t('panels.forCompany', { company: item.company.name })}</span>
      </button>
    </form>
  );
}
