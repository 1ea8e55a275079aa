import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { setNotLoggedInHandler } from './http/client'

const app = createApp(App)
app.use(createPinia()).use(router).use(i18n).use(ElementPlus)
// Standalone mode sends the user to the login page; inside DSS the gateway owns the session.
setNotLoggedInHandler(() => {
  if (router.currentRoute.value.name !== 'login') {
    router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
  }
})
app.mount('#app')
