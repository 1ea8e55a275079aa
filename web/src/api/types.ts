export interface JobRow {
  id: number
  name: string
  projectName: string
  jobType: string
  manageMode?: string
  label?: string
  createBy: string
  createTime?: string
  status: number
  version: string
  enable: boolean
  lastVersion: string
  lastVersionTime?: string
  versionForwards: number
  description?: string
}

export interface VersionRow {
  /** The job's id (0.3.x shape); the version's own id is versionId. */
  id: number
  versionId: number
  jobId: number
  version: string
  description?: string
  comment?: string
  releaseTime?: string
  createBy?: string
  projectName?: string
  current?: boolean
}

export interface InspectVersion {
  now: { version: string }
  last?: { version: string }
}

export interface InspectOffer {
  path: string
  kind?: string
  origin?: string
  ageSeconds?: number
  fromVersion?: string
}

export interface InspectSnapshot {
  path: string
  /** false: `path` is the 0.3.x message saying why no restore point is used. */
  found?: boolean
  restoreSwitch?: 'ON' | 'OFF'
  /** Restore is OFF but restore points exist: the newest one, offered in the confirmation. */
  offer?: InspectOffer
  kind?: string
  origin?: string
  source?: string
  ageSeconds?: number
  fromVersion?: string
  warning?: string
  fallbacks?: string[]
}

export interface Inspection {
  inspections: string[]
  /** The entries a person must confirm (our rule); absent in a 0.3.x answer. */
  needsConfirm?: string[]
  highavailable?: { highAvailable: boolean; msg: string }
  version?: InspectVersion
  snapshot?: InspectSnapshot
  list?: { list: { applicationId: string; applicationUrl: string; applicationState: string; applicationName: string }[] }
}

export interface BulkItemView {
  jobId: number
  jobName?: string
  taskId?: number
  scheduleState: string
  state: 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED'
  message?: string
  snapshotPath?: string
}

export interface BulkResult {
  bulkId: number
  action: string
  total: number
  done: number
  finished: boolean
  items: BulkItemView[]
  result: { Success: { data: BulkItemView[]; count: number }; Failed: { data: BulkItemView[]; count: number } }
}

export interface ConfigDefinition {
  id: number
  key: string
  name: string
  /** The English label (the catalogue's en_name); name is the 0.3.x Chinese one. */
  en_name?: string
  type: 'NONE' | 'INPUT' | 'NUMBER' | 'SELECT'
  sort: number
  description?: string
  validate_type?: string
  validate_rule?: string
  unit?: string
  default_value?: string
  ref_values: string[]
  required: boolean
  visiable: number
  child_def?: ConfigDefinition[]
}

export type ConfigGroups = Record<string, Record<string, string>>

export interface HistoryRow {
  taskId: number
  version: string
  status: string
  statusCode: number
  startTime?: string
  endTime?: string
  /** 0.3.x text ("4 分钟"); the UI renders runSeconds instead. */
  runTime?: string
  runSeconds?: number
  stopCause?: string
  jobStartConfig?: string
  restoredFrom?: string
  startCause?: string
}

export interface SnapshotRow {
  path: string
  kind: string
  origin?: string
  version?: string
  taskId?: number
  checkpointId?: number
  completedTime: number
  ageSeconds?: number
  size?: number
  usable: boolean
  /** Why the point is not usable: a short code (refused, missing, no-metadata, other-version, ...). */
  reason?: string
}

export interface LogPage {
  logPath: string
  logs: string[]
  endLine: number
}

export interface ProjectFile {
  id: number
  fileName: string
  version: string
  createBy: string
  createTime?: string
  updateTime?: string
  md5?: string
  comment?: string
}
