import { apiRequest } from './client';
import type { Page } from './services';

export type ApplicationStatus = 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'NEEDS_INFO' | 'APPROVED' | 'REJECTED';

export interface Application {
  id: string;
  number: string;
  serviceCode: string;
  serviceTitle: string;
  status: ApplicationStatus;
  submittedAt: string | null;
  deadline: string | null;
  /** Reason given by the civil servant for NEEDS_INFO or REJECTED. */
  comment?: string;
}

export function listMyApplications(page = 0) {
  return apiRequest<Page<Application>>(`/applications/my?page=${page}&size=20&sort=submittedAt,desc`);
}

export function submitApplication(serviceCode: string, form: Record<string, unknown>) {
  return apiRequest<Application>('/applications', {
    method: 'POST',
    body: JSON.stringify({ serviceCode, form }),
  });
}

export function withdrawApplication(id: string) {
  return apiRequest<void>(`/applications/${encodeURIComponent(id)}/withdraw`, { method: 'POST' });
}
