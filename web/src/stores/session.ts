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
    /**
     * Asks who is logged in (anonymous, no 401); false when nobody is. A probe that fails (a busy or restarting
     * server) is asked again before anyone is sent to the login page: a logged-in user must not lose the page.
     */
    async probe(attempts = 3): Promise<boolean> {
      let r: Awaited<ReturnType<typeof sessionApi>> | undefined
      for (let i = 1; r === undefined; i++) {
        try {
          r = await sessionApi()
        } catch (e) {
          if (i >= attempts) throw e
          await new Promise((resolve) => setTimeout(resolve, 300 * i))
        }
      }
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
