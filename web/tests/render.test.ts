import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '../src/i18n/zh-CN'
import en from '../src/i18n/en'
import { definitionName, enumText, formatDuration, logLines, logPathText, progressTitle, snapshotPage, unusableReason } from '../src/render'
import type { SnapshotRow } from '../src/api/types'

function lang(locale: 'zh-CN' | 'en') {
  const i = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  return { t: (k: string, p?: Record<string, unknown>) => i.global.t(k, p ?? {}), te: (k: string) => i.global.te(k) }
}
const zh = lang('zh-CN')
const english = lang('en')

const row = (n: number, extra: Partial<SnapshotRow> = {}): SnapshotRow =>
  ({ path: `file:/s/chk-${n}`, kind: 'CHECKPOINT', completedTime: n, usable: true, ...extra })

describe('enum words', () => {
  it('translates origins, kinds, start causes and log types in both languages', () => {
    expect(enumText(zh.t, zh.te, 'origin', 'scan')).toBe('存储扫描')
    expect(enumText(zh.t, zh.te, 'kind', 'CHECKPOINT')).toBe('检查点')
    expect(enumText(zh.t, zh.te, 'cause', 'BULK')).toBe('批量操作')
    expect(enumText(english.t, english.te, 'cause', 'AUTO_RESTART')).toBe('Automatic restart')
    expect(enumText(english.t, english.te, 'origin', 'periodic')).toBe('periodic')
    expect(enumText(zh.t, zh.te, 'logType', 'client')).toBe('客户端日志')
  })

  it('shows an unknown word as sent and a missing one as --', () => {
    expect(enumText(zh.t, zh.te, 'origin', 'brand-new')).toBe('brand-new')
    expect(enumText(zh.t, zh.te, 'cause', undefined)).toBe('--')
  })
})

describe('run time', () => {
  it('shows seconds for a short run, in the UI language', () => {
    expect(formatDuration(46, zh.t)).toBe('46 秒')
    expect(formatDuration(46, english.t)).toBe('46 s')
    expect(formatDuration(0, english.t)).toBe('0 s')
  })

  it('shows minutes and seconds, hours and minutes, days and hours', () => {
    expect(formatDuration(246, zh.t)).toBe('4 分 6 秒')
    expect(formatDuration(246, english.t)).toBe('4 min 6 s')
    expect(formatDuration(7500, english.t)).toBe('2 h 5 min')
    expect(formatDuration(3 * 86400 + 4 * 3600 + 5, english.t)).toBe('3 d 4 h')
    expect(formatDuration(undefined, english.t)).toBe('--')
  })
})

describe('config labels', () => {
  it('uses the English name in English and the 0.3.x name otherwise', () => {
    const d = { name: '作业失败自动拉起开关', en_name: 'Restart the job when it fails' }
    expect(definitionName(d, 'en')).toBe('Restart the job when it fails')
    expect(definitionName(d, 'zh-CN')).toBe('作业失败自动拉起开关')
    expect(definitionName({ name: '资源配置' }, 'en')).toBe('资源配置')
  })
})

describe('snapshots paging', () => {
  it('takes the server page as it is when total is given', () => {
    const p = snapshotPage({ snapshots: [row(11), row(12)], total: 12 }, 2, 10)
    expect(p.total).toBe(12)
    expect(p.rows.map((r) => r.path)).toEqual(['file:/s/chk-11', 'file:/s/chk-12'])
  })

  it('pages on the client when the answer has no total', () => {
    const all = Array.from({ length: 23 }, (_, i) => row(i + 1))
    expect(snapshotPage({ snapshots: all }, 1, 10).rows).toHaveLength(10)
    const last = snapshotPage({ snapshots: all }, 3, 10)
    expect(last.total).toBe(23)
    expect(last.rows.map((r) => r.completedTime)).toEqual([21, 22, 23])
    expect(snapshotPage({}, 1, 10)).toEqual({ rows: [], total: 0 })
  })

  it('says why a point is not usable, falling back to the raw reason', () => {
    expect(unusableReason(zh.t, zh.te, { usable: false, reason: 'other-version' })).toBe('来自其他版本')
    expect(unusableReason(english.t, english.te, { usable: false, reason: 'missing' })).toBe('missing on storage')
    expect(unusableReason(zh.t, zh.te, { usable: false, reason: 'odd-new-reason' })).toBe('odd-new-reason')
    expect(unusableReason(zh.t, zh.te, { usable: true, reason: 'refused' })).toBe('')
    expect(unusableReason(zh.t, zh.te, { usable: false })).toBe('--')
    // A code with a detail: the code translated, the detail (Flink's words) kept.
    expect(unusableReason(zh.t, zh.te, { usable: false, reason: 'refused: Checkpoint file corrupt' })).toBe('曾导致启动失败: Checkpoint file corrupt')
    expect(unusableReason(zh.t, zh.te, { usable: false, reason: 'empty-metadata' })).toBe('不完整(_metadata 为空)')
  })
})

describe('progress title', () => {
  it('names the phase while it runs and the counts once finished', () => {
    expect(progressTitle(zh.t, 'stop', false, 0, 0)).toBe('批量操作进度 — 停止中')
    expect(progressTitle(zh.t, 'start', true, 3, 0)).toBe('批量操作进度 — 启动已完成 (成功 3 个，失败 0 个)')
    expect(progressTitle(english.t, 'start', true, 2, 1)).toBe('Batch progress — Start finished (2 succeeded, 1 failed)')
  })
})

describe('log lines', () => {
  it('keeps text lines and shows a structure as JSON, never [object Object]', () => {
    expect(logLines(['a', 'b'])).toEqual(['a', 'b'])
    expect(logLines(undefined)).toEqual([])
    expect(logLines({ rootException: null, history: [] })[0]).toContain('"rootException": null')
  })

  it('shows no path line for the 0.3.x "undefined" path', () => {
    expect(logPathText('undefined')).toBe('')
    expect(logPathText(undefined)).toBe('')
    expect(logPathText('flink:/jobs/x/exceptions')).toBe('flink:/jobs/x/exceptions')
  })
})
