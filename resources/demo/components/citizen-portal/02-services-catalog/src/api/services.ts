import { apiRequest } from './client';

export type ServiceCategory = 'family' | 'housing' | 'business' | 'health' | 'education' | 'transport';

export interface PublicService {
  code: string;
  title: Record<'kk' | 'ru' | 'en', string>;
  category: ServiceCategory;
  /** Statutory processing time in working days. */
  processingDays: number;
  online: boolean;
  feeKzt: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export function listServices(params: { category?: ServiceCategory; query?: string; page?: number } = {}) {
  const search = new URLSearchParams();
  if (params.category) search.set('category', params.category);
  if (params.query) search.set('q', params.query);
  search.set('page', String(params.page ?? 0));
  search.set('size', '20');
  return apiRequest<Page<PublicService>>(`/services?${search.toString()}`);
}

export function getService(code: string) {
  return apiRequest<PublicService>(`/services/${encodeURIComponent(code)}`);
}
