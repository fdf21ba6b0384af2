import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/datetime';
import { letterKindText, letterStatusText } from '../../lib/decisions/labels';
import { letterPdfUrl, verifyPath, type Letter } from '../../lib/decisions/letters';
import { useI18n } from '../../lib/i18n';

type Props = {
  letters: Letter[];
  caption: string;
  /** Extra controls for a letter (the officer's reissue), shown in a last column. */
  actions?: (letter: Letter) => ReactNode;
};

/** The letters of an application, newest first: download and verification links for each version. */
export function LetterList({ letters, caption, actions }: Props) {
  const { language, t } = useI18n();
  const sorted = [...letters].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.version - a.version);
  return (
    <div className="table-wrap">
      <table className="table letter-table" data-testid="letters">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('letters.letter')}</th>
            <th scope="col">{t('letters.issuedAt')}</th>
            <th scope="col">{t('letters.status')}</th>
            <th scope="col">{t('letters.links')}</th>
            {actions && <th scope="col">{t('letters.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((letter) => {
            const which = t('letters.which', { reference: letter.reference, version: letter.version });
            return (
              <tr key={letter.id} data-letter={letter.id} data-status={letter.status}>
                <th scope="row">
                  {letterKindText(letter.kind, t)}
                  <span className="letter-table__reference">
                    {letter.reference} · {t('letters.version', { version: letter.version })}
                  </span>
                  <span className="letter-table__reference">{t('letters.verifyCode', { code: letter.verifyCode })}</span>
                </th>
                <td>{formatDateTime(letter.issuedAt, language)}</td>
                <td>
                  <span className={`status status--letter-${letter.status}`}>{letterStatusText(letter.status, t)}</span>
                  {letter.reissueReason && <span className="letter-table__note">{t('letters.reissueReason', { reason: letter.reissueReason })}</span>}
                </td>
                <td>
                  <ul className="plain-list">
                    <li>
                      <a href={letterPdfUrl(letter.id)} download data-testid={`letter-download-${letter.id}`}>
                        {t('letters.download')}
                        <span className="visually-hidden">{which}</span>
                      </a>
                    </li>
                    <li>
                      <Link to={verifyPath(letter.verifyCode)}>
                        {t('letters.verify')}
                        <span className="visually-hidden">{which}</span>
                      </Link>
                    </li>
                  </ul>
                </td>
                {actions && <td>{actions(letter)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
