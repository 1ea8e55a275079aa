import { defineStore } from 'pinia'
import { loginApi, logoutApi, userInfoApi } from '../api/user'

export const useSessionStore = defineStore('session', {
  state: () => ({ userName: '' as string, isAdmin: false, project: (localStorage.getItem('streamis.project') || '') as string }),
  actions: {
    async login(user: string, password: string) {
      const r = await loginApi(user, password)
      this.userName = r.userName
      this.isAdmin = r.isAdmin
    },
    async refresh() {
      const r = await userInfoApi()
      this.userName = r.userName
      this.isAdmin = r.isAdmin
    },
    async logout() {
      await logoutApi().catch(() => undefined)
      this.userName = ''
    },
    setProject(name: string) {
      this.project = name
      localStorage.setItem('streamis.project', name)
    }
  }
})
