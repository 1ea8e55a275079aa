import { http } from '../http/client'
import type { ConfigDefinition, ConfigGroups } from './types'

const CONFIG = '/streamis/streamJobManager/config'

export const definitionsApi = () => http.get<{ def: ConfigDefinition[] }>(`${CONFIG}/definitions`)
export const getConfigApi = (jobId: number) =>
  http.get<ConfigGroups & { template?: ConfigGroups; editEnable?: boolean }>(`${CONFIG}/json/${jobId}`)
/** A key (or whole group when key is null) the server did not keep. */
export interface DroppedKey { group: string; key: string | null; reason: string }
export const saveConfigApi = (jobId: number, config: ConfigGroups) =>
  http.post<ConfigGroups & { dropped?: DroppedKey[] }>(`${CONFIG}/json/${jobId}`, config)
export const copyConfigApi = (jobId: number, fromJobId: number) =>
  http.post<ConfigGroups>(`${CONFIG}/copy`, undefined, { jobId, fromJobId })
