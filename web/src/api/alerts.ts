import { http } from '../http/client'

const ALERT = '/streamis/streamJobManager/alert'

export type ChannelType = 'WEBHOOK' | 'EMAIL' | 'WECOM' | 'DINGTALK' | 'FEISHU'
export type AlertLevel = 'CRITICAL' | 'MAJOR' | 'MINOR' | 'WARNING' | 'INFO'

export interface Channel {
  id: number
  projectName: string
  name: string
  type: ChannelType
  target: string
  hasSecret: boolean
  minLevel: AlertLevel
  enabled: boolean
  createBy: string
}

/** Create/update body; on update a missing secret keeps the stored one, an empty one clears it. */
export interface ChannelRequest {
  projectName?: string
  name: string
  type: ChannelType
  target: string
  secret?: string
  minLevel: AlertLevel
  enabled: boolean
}

export interface TestSendResult {
  delivered: boolean
  error: string | null
  durationMs: number
}

export interface Diagnosis {
  code: string
  type: string
  explanation: string
  solution: string
  explanationEn: string
  solutionEn: string
  matched: string
  /** Where the matched line came from; sourcePath says where all of it can be read (e.g. a `yarn logs` command). */
  source?: DiagnosisSource
  sourceText?: string
  sourcePath?: string | null
}

export type DiagnosisSource = 'RECORDED_ERROR' | 'FLINK_EXCEPTION' | 'YARN_JOB_MANAGER_LOG' | 'LAUNCH_LOG' | 'GIVEN_TEXT'

export type AlertRule = 'JOB_FAILED' | 'RESTART_BUDGET_SPENT' | 'RESTARTS_IN_WINDOW' | 'CHECKPOINT_STALE' | 'CHECKPOINT_FAILURES' | 'JOB_LOST'

/** One alert while it lasts: opened once per (job, rule), resolved when the job recovers (times as the server sends them). */
export interface Incident {
  id: number
  jobId: number
  rule: AlertRule
  level: AlertLevel
  taskId: number | null
  message: string | null
  openedAt: string
  resolvedAt: string | null
  resolution: string | null
}

export const CHANNEL_TYPES: ChannelType[] = ['WEBHOOK', 'EMAIL', 'WECOM', 'DINGTALK', 'FEISHU']
export const LEVELS: AlertLevel[] = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'INFO']

export const listChannelsApi = (projectName: string) => http.get<{ channels: Channel[] }>(`${ALERT}/channels`, { projectName })
export const createChannelApi = (body: ChannelRequest) => http.post<{ channel: Channel }>(`${ALERT}/channels`, body)
export const updateChannelApi = (id: number, body: ChannelRequest) => http.put<{ channel: Channel }>(`${ALERT}/channels/${id}`, body)
export const deleteChannelApi = (id: number) => http.del<void>(`${ALERT}/channels/${id}`)
export const testChannelApi = (id: number) => http.post<{ result: TestSendResult }>(`${ALERT}/channels/${id}/test`)
/** A job's incidents, newest first; totalPage is the number of incidents (as 0.3.x lists count). */
export const listIncidentsApi = (jobId: number, pageNow: number, pageSize: number) =>
  http.get<{ incidents: Incident[]; totalPage: number }>(`${ALERT}/incidents`, { jobId, pageNow, pageSize })
