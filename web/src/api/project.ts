import { http } from '../http/client'

export interface ProjectRow {
  id: number
  name: string
  privileges: string[]
}
export const listProjectsApi = () => http.get<{ projects: ProjectRow[] }>('/streamis/project/list')
export const createProjectApi = (projectName: string) =>
  http.post<{ projectId: number }>('/streamis/project/createProject', { projectName })
