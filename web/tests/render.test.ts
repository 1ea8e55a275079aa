import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '../src/i18n/zh-CN'
import en from '../src/i18n/en'
import { codeParts, optionLabel, definitionName, enumText, formatAge, formatDuration, logLines, logPathText, progressTitle, snapshotPage, unusableReason } from '../src/render'
import type { SnapshotRow } from '../src/api/types'
import { readFileSync } from 'node:fs'
import path from 'node:path'

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

describe('age', () => {
  it('names its largest whole unit in the UI language', () => {
    expect(formatAge(5, zh.t)).toBe('5 秒')
    expect(formatAge(5 * 60 + 59, zh.t)).toBe('5 分钟')
    expect(formatAge(3 * 3600 + 10, zh.t)).toBe('3 小时')
    expect(formatAge(2 * 86400, zh.t)).toBe('2 天')
    expect(formatAge(5, english.t)).toBe('5 s')
    expect(formatAge(300, english.t)).toBe('5 min')
    expect(formatAge(3 * 3600, english.t)).toBe('3 h')
    expect(formatAge(90000, english.t)).toBe('1 d')
    expect(formatAge(undefined, english.t)).toBe('--')
  })
})

// The server's own lists of what it records: every audit action and error code has words in both languages.
function javaEnum(file: string): string[] {
  const src = readFileSync(path.resolve(__dirname, '../..', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
  const body = src.slice(src.indexOf('{') + 1, src.indexOf(';', src.indexOf('{')))
  return [...body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*[,(\n]/gm)].map((m) => m[1])
}

describe('audit words', () => {
  const actions = javaEnum('streamis-common/src/main/java/io/streamis/common/audit/AuditAction.java')
  const codes = [...javaEnum('streamis-common/src/main/java/io/streamis/common/error/ErrorCode.java'), 'BULK_ITEM_FAILED']

  it('translates every action the server records, in both languages', () => {
    expect(actions).toContain('BULK_ITEM')
    expect(actions.length).toBeGreaterThan(15)
    for (const a of actions) {
      expect(zh.te(`enums.auditAction.${a}`), a).toBe(true)
      expect(english.te(`enums.auditAction.${a}`), a).toBe(true)
    }
    expect(enumText(zh.t, zh.te, 'auditAction', 'BULK_ITEM')).toBe('批量操作中的作业')
    expect(enumText(english.t, english.te, 'auditAction', 'LOGIN')).toBe('Log in')
    expect(enumText(zh.t, zh.te, 'auditAction', 'SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })

  it('translates every error code an outcome can carry; an HTTP status stays as sent', () => {
    expect(codes).toContain('LOGIN_THROTTLED')
    for (const c of codes) {
      expect(zh.te(`enums.errorCode.${c}`), c).toBe(true)
      expect(english.te(`enums.errorCode.${c}`), c).toBe(true)
    }
    expect(enumText(zh.t, zh.te, 'errorCode', 'HTTP_401')).toBe('HTTP_401')
  })
})

describe('code inside a sentence', () => {
  it('marks config keys, file names and upper-case keywords as code', () => {
    const parts = codeParts('检查 WITH 中的名称；调大 taskmanager.memory.task.off-heap.size，让 krb5.conf 可读。')
    expect(parts.filter((p) => p.code).map((p) => p.text)).toEqual(['WITH', 'taskmanager.memory.task.off-heap.size', 'krb5.conf'])
    expect(parts.map((p) => p.text).join('')).toBe('检查 WITH 中的名称；调大 taskmanager.memory.task.off-heap.size，让 krb5.conf 可读。')
    expect(codeParts('Set state.backend.rocksdb.memory.managed=true here').filter((p) => p.code).map((p) => p.text))
      .toEqual(['state.backend.rocksdb.memory.managed=true'])
    expect(codeParts('No pattern matched. Check it')).toEqual([{ text: 'No pattern matched. Check it', code: false }])
    expect(codeParts(null)).toEqual([])
  })
})

describe('config choices', () => {
  it('shows alert levels in words and other choices as stored', () => {
    expect(optionLabel(zh.t, zh.te, 'wds.linkis.flink.alert.level', 'MINOR')).toBe('次要')
    expect(optionLabel(english.t, english.te, 'wds.linkis.flink.alert.failure.level', 'CRITICAL')).toBe('Critical')
    expect(optionLabel(zh.t, zh.te, 'wds.linkis.flink.checkpoint.switch', 'ON')).toBe('ON')
  })
})
