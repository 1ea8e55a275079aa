import { http } from '../http/client'

export const loginApi = (userName: string, password: string) =>
  http.post<{ userName: string; isAdmin: boolean }>('/user/login', { userName, password })
export const logoutApi = () => http.post<void>('/user/logout')
/** Anonymous: who is logged in, if anyone (no 401 before login). */
export const sessionApi = () => http.get<{ loggedIn: boolean; userName?: string; isAdmin?: boolean }>('/user/session')
export const userInfoApi = () => http.get<{ userName: string; isAdmin: boolean }>('/user/userInfo')
