import { defineStore } from 'pinia'
import { loginApi, logoutApi, sessionApi } from '../api/user'

export const useSessionStore = defineStore('session', {
  state: () => ({ userName: '' as string, isAdmin: false, project: (localStorage.getItem('streamis.project') || '') as string }),
  actions: {
    async login(user: string, password: string) {
      const r = await loginApi(user, password)
      this.userName = r.userName
      this.isAdmin = r.isAdmin
    },
    /** Asks who is logged in (anonymous, no 401); false when nobody is. */
    async probe(): Promise<boolean> {
      const r = await sessionApi()
      this.userName = r.loggedIn ? r.userName ?? '' : ''
      this.isAdmin = r.loggedIn ? r.isAdmin === true : false
      return r.loggedIn
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
