import { http } from '../http/client'

export const loginApi = (userName: string, password: string) =>
  http.post<{ userName: string; isAdmin: boolean }>('/user/login', { userName, password })
export const logoutApi = () => http.post<void>('/user/logout')
export const userInfoApi = () => http.get<{ userName: string; isAdmin: boolean }>('/user/userInfo')
