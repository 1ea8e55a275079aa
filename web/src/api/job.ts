import { http } from '../http/client'
import type { Diagnosis } from './alerts'
import type { DroppedKey } from './config'
import type { HistoryRow, Inspection, JobRow, LogPage, SnapshotRow, VersionRow } from './types'

const JOB = '/streamis/streamJobManager/job'

export interface JobListQuery {
  projectName: string
  pageNow: number
  pageSize: number
  jobName?: string
  jobStatus?: number
  label?: string
  enable?: boolean
  jobType?: string
}

export const listJobsApi = (q: JobListQuery) =>
  http.get<{ tasks: JobRow[]; totalPage: number }>(`${JOB}/list`, { ...q })
export const uploadJobApi = (projectName: string, file: File) => {
  const form = new FormData()
  form.append('file', file)
  return http.upload<{ jobId: number; version: string; dropped?: DroppedKey[] }>(`${JOB}/upload`, form, { projectName })
}
export const listVersionsApi = (jobId: number, pageNow: number, pageSize: number) =>
  http.get<{ versions: VersionRow[]; totalPage: number }>(`${JOB}/${jobId}/versions`, { pageNow, pageSize })
export const jobInfoApi = (jobId: number) => http.get<{ jobInfo: Record<string, unknown> }>(`${JOB}/jobInfo`, { jobId })
export const jobContentApi = (jobId: number, version?: string) =>
  http.get<{ jobContent: Record<string, unknown>; editEnable: boolean }>(`${JOB}/jobContent`, { jobId, version })
export const updateArgsApi = (jobId: number, args: string[]) =>
  http.post<{ version: string }>(`${JOB}/updateContent`, { jobId, args })
export const updateLabelApi = (tasks: { id: number; label: string }[]) => http.post<void>(`${JOB}/updateLabel`, { tasks })
export const banJobsApi = (ids: number[]) => http.post<void>(`${JOB}/ban`, ids)
export const enableJobsApi = (ids: number[]) => http.post<void>(`${JOB}/enable`, ids)
export const inspectApi = (jobId: number) => http.put<Inspection>(`${JOB}/execute/inspect`, undefined, { jobId })
export const executeApi = (jobId: number, snapshotPath?: string) =>
  http.post<{ taskId: number; status: number; restoredFrom?: string }>(`${JOB}/execute`, { jobId, snapshotPath })
export const stopApi = (jobId: number, snapshot: boolean) => http.get<{ path?: string }>(`${JOB}/stop`, { jobId, snapshot })
export const snapshotApi = (jobId: number) => http.put<{ path: string }>(`${JOB}/snapshot/${jobId}`)
export const statusApi = (ids: number[]) =>
  http.put<{ result: { jobId: number; statusCode: number; status: string; message?: string }[] }>(`${JOB}/status`, { id_list: ids })
export const historyApi = (jobId: number, pageNow: number, pageSize: number) =>
  http.get<{ details: HistoryRow[]; totalPage: number }>(`${JOB}/execute/history`, { jobId, pageNow, pageSize })
export const errorMsgApi = (jobId: number) =>
  http.get<{ details: { errDesc?: string; diagnosis?: Diagnosis | null } | null }>(`${JOB}/execute/errorMsg`, { jobId })
export const detailsApi = (jobId: number) => http.get<{ details: Record<string, any> }>(`${JOB}/details`, { jobId })
export const logsApi = (p: { jobId: number; taskId?: number; logType: string; fromLine: number; pageSize: number; onlyKeywords?: string; ignoreKeywords?: string; lastRows?: number }) =>
  http.get<{ logs: LogPage }>(`${JOB}/logs`, { ...p })
export const snapshotsApi = (jobId: number, pageNow?: number, pageSize?: number) =>
  http.get<{ snapshots: SnapshotRow[]; total?: number }>(`${JOB}/snapshots`, { jobId, pageNow, pageSize })
