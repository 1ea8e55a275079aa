import { describe, expect, it } from 'vitest'
import zhCN from '../src/i18n/zh-CN'
import en from '../src/i18n/en'

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`])
}

describe('i18n', () => {
  it('zh-CN and en define exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('every message placeholder exists in both languages', () => {
    const zh = Object.fromEntries(keys(zhCN).map((k) => [k, k.split('.').reduce((o: any, p) => o[p], zhCN)]))
    const e = Object.fromEntries(keys(en).map((k) => [k, k.split('.').reduce((o: any, p) => o[p], en)]))
    for (const k of Object.keys(zh)) {
      const ph = (s: string) => (String(s).match(/\{\w+\}/g) ?? []).sort()
      expect(ph(e[k]), k).toEqual(ph(zh[k]))
    }
  })
})
