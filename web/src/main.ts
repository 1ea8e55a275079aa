import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { setLanguageSource, setNotLoggedInHandler } from './http/client'

import { useSessionStore } from './stores/session'

const app = createApp(App)
app.use(createPinia()).use(router).use(i18n).use(ElementPlus)
// Every page but the login needs a user: ask once who is logged in (an anonymous probe, so a first visit goes to
// the login page without a failed call), and send the others to the login page.
router.beforeEach(async (to) => {
  if (to.name === 'login') return true
  const session = useSessionStore()
  if (session.userName) return true
  const loggedIn = await session.probe().catch(() => false)
  return loggedIn ? true : { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
})
// Standalone mode sends the user to the login page; inside DSS the gateway owns the session.
setNotLoggedInHandler(() => {
  if (router.currentRoute.value.name !== 'login') {
    router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
  }
})
setLanguageSource(() => String(i18n.global.locale.value))
app.mount('#app')
