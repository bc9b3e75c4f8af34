import type { ApplicationStatus } from '../api/applications';
import { useI18n } from '../i18n';

const COLORS: Record<ApplicationStatus, string> = {
  DRAFT: 'grey',
  SUBMITTED: 'blue',
  IN_REVIEW: 'blue',
  NEEDS_INFO: 'amber',
  APPROVED: 'green',
  REJECTED: 'red',
};

export default function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${COLORS[status]}`}>{t(`applications.status.${status}`)}</span>;
}
