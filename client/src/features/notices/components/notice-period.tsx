import { formatDate } from '../../../lib/datetime';
import { useI18n, type Language, type Translate } from '../../../lib/i18n';
import type { PublicNotice } from '../types';

type Period = Pick<PublicNotice, 'startsOn' | 'endsOn' | 'workingDays'>;

/** "2025年7月1日 至 2025年7月14日（10 个工作日）" */
export function periodText(notice: Period, language: Language, t: Translate): string {
  return t('notices.period', {
    start: formatDate(notice.startsOn, language),
    end: formatDate(notice.endsOn, language),
    days: notice.workingDays,
  });
}

export function NoticePeriod({ notice }: { notice: Period }) {
  const { language, t } = useI18n();
  return <>{periodText(notice, language, t)}</>;
}
