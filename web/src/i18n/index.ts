import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export const messages = { 'zh-CN': zhCN, en }
export type Locale = keyof typeof messages

const saved = typeof localStorage !== 'undefined' ? (localStorage.getItem('streamis.locale') as Locale | null) : null

export const i18n = createI18n({
  legacy: false,
  locale: saved && saved in messages ? saved : 'zh-CN',
  fallbackLocale: 'en',
  messages
})

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  localStorage.setItem('streamis.locale', locale)
}
