import { API_BASE, http } from '../http/client'
import type { ProjectFile } from './types'

const FILES = '/streamis/streamProjectManager/project/files'

export const listFilesApi = (projectName: string, pageNow: number, pageSize: number, filename?: string) =>
  http.get<{ files: ProjectFile[]; totalPage: number }>(`${FILES}/list`, { projectName, pageNow, pageSize, filename })
export const fileVersionsApi = (projectName: string, fileName: string) =>
  http.get<{ files: ProjectFile[] }>(`${FILES}/version/list`, { projectName, fileName })
export const uploadFileApi = (projectName: string, file: File, version: string, comment: string, updateWhenExists: boolean) => {
  const form = new FormData()
  form.append('file', file)
  return http.upload<void>(`${FILES}/upload`, form, { projectName, version, comment, updateWhenExists })
}
export const deleteFileApi = (projectName: string, fileName: string) => http.get<void>(`${FILES}/delete`, { projectName, fileName })
export const downloadFileUrl = (id: number) => `${API_BASE}${FILES}/download?id=${id}`
