import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n, type Language, type MessageKey } from '../../../lib/i18n';
import { FEW_RECOVERY_CODES, useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { disableMfa } from '../api/disable-mfa';
import { getMfaStatus } from '../api/get-mfa-status';
import { newRecoveryCodes } from '../api/new-recovery-codes';
import { readSecondFactor, type MfaStatus } from '../mfa';
import { MfaSetup } from './mfa-setup';
import { RecoveryCodes } from './recovery-codes';
import { useCodeForm } from './use-code-form';

type ConfirmAction = 'new-codes' | 'disable';

/**
 * What the page shows below the status: nothing more; the password again before setting up (with the server's
 * answer when it refused the last one); setting up; a code to confirm an action; or new codes.
 */
type Mode =
  | { name: 'idle' }
  | { name: 'password'; rejected?: unknown }
  | { name: 'setup'; password: string }
  | { name: 'confirm'; action: ConfirmAction }
  | { name: 'codes'; codes: string[]; done: MessageKey };

const ACTION_BUTTON: Record<ConfirmAction | 'setup', string> = { setup: 'mfa-turn-on', 'new-codes': 'mfa-new-codes', disable: 'mfa-turn-off' };
const DONE_ID = 'mfa-done';

/** Any signed-in user: two-step verification on or off, and new recovery codes. */
export function AccountSecurityPage() {
  const { language, t } = useI18n();
  const { dismissNotice } = useSession();
  const title = t('security.title');
  useDocumentTitle(title);

  const [version, setVersion] = useState(0);
  const status = useApiResource(`mfa-status:${version}`, (signal) => getMfaStatus(signal));
  const [mode, setMode] = useState<Mode>({ name: 'idle' });
  const [done, setDone] = useState<MessageKey | null>(null);

  // Back to the status: focus goes to the outcome, or (after Cancel) to the button that opened the step.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function open(next: Mode) {
    setDone(null);
    setMode(next);
  }
  function cancel(from: ConfirmAction | 'setup') {
    setMode({ name: 'idle' });
    setFocusTarget(ACTION_BUTTON[from]);
  }
  function finish(message: MessageKey) {
    setMode({ name: 'idle' });
    setDone(message);
    setFocusTarget(DONE_ID);
    setVersion((n) => n + 1);
  }
  function showCodes(codes: string[], message: MessageKey) {
    // New codes: the warning about running out of the old ones no longer applies.
    dismissNotice();
    setMode({ name: 'codes', codes, done: message });
    setVersion((n) => n + 1);
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{t('security.intro')}</p>
      {done && (
        <Notice kind="success">
          <p className="notice__title focus-heading" id={DONE_ID} tabIndex={-1}>
            {t(done)}
          </p>
        </Notice>
      )}
      <section className="section" aria-labelledby="mfa-status-heading">
        <h2 id="mfa-status-heading">{t('security.mfaHeading')}</h2>
        {status.status === 'loading' && <Loading />}
        {status.status === 'error' && <LoadFailed message="security.loadFailed" error={status.error} onRetry={status.reload} />}
        {status.status === 'success' && (
          <>
            <StatusList status={status.data} language={language} />
            {mode.name === 'idle' && <Actions status={status.data} onOpen={open} />}
          </>
        )}
      </section>
      {mode.name === 'password' && (
        <ConfirmPassword
          rejected={mode.rejected}
          onCancel={() => cancel('setup')}
          onConfirmed={(password) => setMode({ name: 'setup', password })}
        />
      )}
      {mode.name === 'setup' && (
        <StepSection id="mfa-setup" title={t('security.setupHeading')}>
          <MfaSetup
            password={mode.password}
            onPasswordRejected={(error) => setMode({ name: 'password', rejected: error })}
            onEnabled={(codes) => showCodes(codes, 'security.enabled')}
          />
          <div className="button-row">
            <button className="button button--secondary" type="button" id="mfa-setup-cancel" onClick={() => cancel('setup')}>
              {t('security.cancel')}
            </button>
          </div>
        </StepSection>
      )}
      {mode.name === 'confirm' && (
        <ConfirmWithCode
          key={mode.action}
          action={mode.action}
          onCancel={() => cancel(mode.action)}
          onNewCodes={(codes) => showCodes(codes, 'security.codesReplaced')}
          onDisabled={() => finish('security.disabled')}
        />
      )}
      {mode.name === 'codes' && (
        <RecoveryCodes codes={mode.codes} headingLevel={2} onDone={() => finish(mode.done)} />
      )}
    </>
  );
}

function StatusList({ status, language }: { status: MfaStatus; language: Language }) {
  const { t } = useI18n();
  return (
    <dl className="summary-list" id="mfa-status">
      <div className="summary-list__row">
        <dt>{t('security.status')}</dt>
        <dd>
          <strong>{status.enabled ? t('security.on') : t('security.off')}</strong>
        </dd>
      </div>
      {status.enabled && (
        <>
          <div className="summary-list__row">
            <dt>{t('security.enabledAt')}</dt>
            <dd>{formatDateTime(status.enabledAt, language)}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t('security.codesLeft')}</dt>
            <dd>
              {t('security.codesLeftValue', { count: status.recoveryCodesLeft })}
              {status.recoveryCodesLeft <= FEW_RECOVERY_CODES && <span className="summary-list__note">{t('security.codesLow')}</span>}
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}

function Actions({ status, onOpen }: { status: MfaStatus; onOpen: (mode: Mode) => void }) {
  const { t } = useI18n();
  if (!status.enabled) {
    return (
      <>
        {status.required && <p id="mfa-required-note">{t('security.requiredOff')}</p>}
        <div className="button-row">
          <button className="button" type="button" id={ACTION_BUTTON.setup} onClick={() => onOpen({ name: 'password' })}>
            {t('security.turnOn')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <div className="button-row">
        <button className="button" type="button" id={ACTION_BUTTON['new-codes']} onClick={() => onOpen({ name: 'confirm', action: 'new-codes' })}>
          {t('security.newCodes')}
        </button>
        {!status.required && (
          <button className="button button--secondary" type="button" id={ACTION_BUTTON.disable} onClick={() => onOpen({ name: 'confirm', action: 'disable' })}>
            {t('security.turnOff')}
          </button>
        )}
      </div>
      {status.required && <p id="mfa-required-note">{t('security.requiredOn')}</p>}
    </>
  );
}

/**
 * A step below the status, whose heading takes focus when it appears (unless `focusHeading` is false: the step
 * comes back with an error, and its error summary takes focus instead).
 */
function StepSection({ id, title, focusHeading = true, children }: { id: string; title: string; focusHeading?: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
    // Only when the step first appears.
  }, []);
  return (
    <section className="section" id={id} aria-labelledby={`${id}-heading`}>
      <h2 className="focus-heading" id={`${id}-heading`} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

const PASSWORD_FIELD_ID = 'mfa-password';

type ConfirmPasswordProps = {
  /** The server's answer when it refused the password last sent (401 invalid_credentials, 429, 400). */
  rejected?: unknown;
  onCancel: () => void;
  onConfirmed: (password: string) => void;
};

/**
 * Before setting up, the password again: a borrowed or stolen session must not bind another person's authenticator.
 * The server checks it with the request for a secret; when it refuses, this step comes back with its message.
 */
function ConfirmPassword({ rejected, onCancel, onConfirmed }: ConfirmPasswordProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const form = useCodeForm(PASSWORD_FIELD_ID);

  // Back from the server's refusal: its message in the error summary, which takes focus (the heading does not).
  useEffect(() => {
    if (rejected !== undefined) form.failWith(rejected, 'password');
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return form.failOnField(t('validation.passwordRequired'));
    onConfirmed(password);
  }

  return (
    <StepSection id="mfa-password-step" title={t('security.setupHeading')} focusHeading={rejected === undefined}>
      <ErrorSummary title={t('errors.summaryTitle')} items={form.summary} focusSignal={form.failed} />
      <p>{t('security.passwordIntro')}</p>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          id={PASSWORD_FIELD_ID}
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={form.fieldError}
        />
        <div className="button-row">
          <button className="button" type="submit" id="mfa-password-submit">
            {t('security.passwordSubmit')}
          </button>
          <button className="button button--secondary" type="button" id="mfa-password-cancel" onClick={onCancel}>
            {t('security.cancel')}
          </button>
        </div>
      </form>
    </StepSection>
  );
}

const CONFIRM_FIELD_ID = 'mfa-confirm-code';

const CONFIRM_TEXT: Record<ConfirmAction, { title: MessageKey; intro: MessageKey; submit: MessageKey }> = {
  'new-codes': { title: 'security.newCodes', intro: 'security.newCodesIntro', submit: 'security.newCodes' },
  disable: { title: 'security.turnOff', intro: 'security.turnOffIntro', submit: 'security.turnOff' },
};

type ConfirmProps = {
  action: ConfirmAction;
  onCancel: () => void;
  onNewCodes: (codes: string[]) => void;
  onDisabled: () => void;
};

/**
 * New recovery codes or turning two-step verification off: both ask first for a current code from the app or, when
 * the phone is lost, one of the recovery codes (the same field takes either).
 */
function ConfirmWithCode({ action, onCancel, onNewCodes, onDisabled }: ConfirmProps) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const form = useCodeForm(CONFIRM_FIELD_ID);
  const text = CONFIRM_TEXT[action];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    const read = readSecondFactor(code, t);
    if ('problem' in read) return form.failOnField(read.problem);

    form.setBusy(true);
    try {
      if (action === 'new-codes') onNewCodes((await newRecoveryCodes(read.body)).recoveryCodes);
      else {
        await disableMfa(read.body);
        onDisabled();
      }
    } catch (error) {
      form.setBusy(false);
      // 401 invalid_mfa_code beside the field; 409 mfa_required (the platform requires it) and the rest in the summary.
      form.failWith(error, 'code' in read.body ? 'code' : 'recoveryCode');
    }
  }

  return (
    <StepSection id={`mfa-confirm-${action}`} title={t(text.title)}>
      <ErrorSummary title={t('errors.summaryTitle')} items={form.summary} focusSignal={form.failed} />
      <p>{t(text.intro)}</p>
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={form.busy || undefined}>
        <TextField
          id={CONFIRM_FIELD_ID}
          label={t('security.confirmField')}
          hint={t('security.confirmFieldHint')}
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          className="field__input--otp"
          required
          value={code}
          onChange={setCode}
          error={form.fieldError}
        />
        <div className="button-row">
          <button className={action === 'disable' ? 'button button--danger' : 'button'} type="submit" id="mfa-confirm-submit">
            {form.busy ? t('security.working') : t(text.submit)}
          </button>
          <button className="button button--secondary" type="button" id="mfa-confirm-cancel" onClick={onCancel}>
            {t('security.cancel')}
          </button>
        </div>
      </form>
    </StepSection>
  );
}
