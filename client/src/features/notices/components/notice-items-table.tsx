import { formatFixed2, formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { noticeItemStatusText } from '../labels';
import type { NoticeItem } from '../types';

/** The firms on a notice with the amounts proposed; revoked approvals stay listed, marked as revoked. */
export function NoticeItemsTable({ items, caption, id }: { items: NoticeItem[]; caption: string; id?: string }) {
  const { language, t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" id={id}>
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('notices.company')}</th>
            <th scope="col">{t('notices.uscc')}</th>
            <th scope="col" className="table__number">
              {t('notices.amount')}
            </th>
            <th scope="col" className="table__number">
              {t('notices.score')}
            </th>
            <th scope="col">{t('notices.itemStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.applicationId} data-application={item.applicationId} data-status={item.status}>
              <th scope="row">{item.company.name}</th>
              <td className="code-text">{item.company.uscc}</td>
              <td className="table__number">{formatYuan(item.amount, language)}</td>
              <td className="table__number">{item.score === null ? '—' : formatFixed2(item.score, language)}</td>
              <td>
                <span className={`status status--notice-${item.status}`}>{noticeItemStatusText(item.status, t)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
