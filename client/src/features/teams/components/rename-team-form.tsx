import { useState, type FormEvent } from 'react';
import { Notice } from '../../../components/ui/notice';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { renameTeam } from '../api/rename-team';
import type { Team } from '../types';

/** The firm renames its team. */
export function RenameTeamForm({ team, onRenamed }: { team: Team; onRenamed: (team: Team) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(team.name);
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    const trimmed = name.trim();
    if (trimmed === '') {
      setFieldError(t('createTeam.errors.name'));
      document.getElementById('team-rename')?.focus();
      return;
    }
    setFieldError('');
    setError('');
    setBusy(true);
    try {
      onRenamed(await renameTeam(team.id, trimmed));
      setDone(true);
    } catch (failure) {
      const problem = isApiError(failure) ? failure.errors.find((entry) => entry.field === 'name') : undefined;
      if (problem) {
        setFieldError(problem.message);
        document.getElementById('team-rename')?.focus();
      } else setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form narrow" id="team-rename-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
      {done && (
        <Notice kind="success">
          <p id="team-renamed">{t('renameTeam.done')}</p>
        </Notice>
      )}
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      <TextField id="team-rename" label={t('renameTeam.name')} value={name} onChange={setName} error={fieldError} autoComplete="off" required />
      <button className="button button--secondary" type="submit" id="team-rename-submit">
        {busy ? t('renameTeam.saving') : t('renameTeam.submit')}
      </button>
    </form>
  );
}
