import { http } from '../http/client'

/** One row of GET /streamis/audit. */
export interface AuditRow {
  id: number
  time: string
  user: string | null
  remoteAddress: string | null
  request: string | null
  projectName: string | null
  jobId: number | null
  action: string
  outcome: 'OK' | 'ERROR'
  errorCode: string | null
  message: string | null
  detail: Record<string, unknown>
}

export interface AuditFilter {
  user?: string
  projectName?: string
  jobId?: number | string
  action?: string
  outcome?: string
  from?: string
  to?: string
  pageNow?: number
  pageSize?: number
}

export interface AuditPage {
  rows: AuditRow[]
  totalPage: number
  pageNow: number
  pageSize: number
  actions: string[]
}

export const listAuditApi = (filter: AuditFilter) => http.get<AuditPage>('/streamis/audit', { ...filter })
