import { http } from '../http/client'
import type { BulkResult } from './types'

const BULK = '/streamis/streamJobManager/job/bulk'

export const bulkExecutionApi = (ids: number[], snapshotPaths: Record<number, string> = {}, wait = false) =>
  http.post<BulkResult>(`${BULK}/execution`, { bulk_sbj: ids, snapshotPaths, wait })
export const bulkPauseApi = (ids: number[], snapshot: boolean, wait = false) =>
  http.post<BulkResult>(`${BULK}/pause`, { bulk_sbj: ids, snapshot, wait })
export const bulkProgressApi = (bulkId: number) => http.get<BulkResult>(`${BULK}/${bulkId}`)
