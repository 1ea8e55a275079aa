import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { i18n } from '../src/i18n'
import AlertsTab from '../src/views/detail/AlertsTab.vue'
import { listIncidentsApi } from '../src/api/alerts'

vi.mock('../src/api/alerts', () => ({
  listIncidentsApi: vi.fn(async () => ({
    totalPage: 2,
    incidents: [
      { id: 8, jobId: 3, rule: 'RESTARTS_IN_WINDOW', level: 'WARNING', taskId: 41, message: 'restarted 3 times within 10 min (threshold 3)',
        openedAt: '2026-11-30T11:58:21.123', resolvedAt: null, resolution: null },
      { id: 7, jobId: 3, rule: 'JOB_FAILED', level: 'CRITICAL', taskId: 40, message: 'Flink reports the job FAILED: boom',
        openedAt: '2026-11-30T10:00:00', resolvedAt: '2026-11-30T10:05:09.5', resolution: 'job orders is running again (task 41)' }
    ]
  }))
}))

const plugins = { global: { plugins: [ElementPlus, i18n] } }

describe('job alerts tab', () => {
  it('lists incidents (one row each, not one per notified user) with the rule, level and state in the UI language', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = mount(AlertsTab, { props: { jobId: 3 }, ...plugins })
    await flushPromises()
    expect(listIncidentsApi).toHaveBeenCalledWith(3, 1, 20)
    const rows = w.findAll('.el-table__body tr')
    expect(rows).toHaveLength(2)
    expect(w.findAll('[data-testid=incident-rule]').map((r) => r.text())).toEqual(['频繁重启', '作业失败'])
    expect(rows[0].text()).toContain('警告')
    expect(rows[0].text()).toContain('2026-11-30 11:58:21')
    const states = w.findAll('[data-testid=incident-state]')
    expect(states[0].text()).toBe('未恢复')
    expect(states[1].text()).toBe('已于 2026-11-30 10:05:09 恢复')
    expect(states[1].attributes('title')).toBe('job orders is running again (task 41)')

    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.findAll('[data-testid=incident-rule]').map((r) => r.text())).toEqual(['Restarted too often', 'Job failed'])
    expect(w.findAll('[data-testid=incident-state]')[1].text()).toBe('Resolved at 2026-11-30 10:05:09')
    i18n.global.locale.value = 'zh-CN'
  })

  it('names every rule the server raises, in both languages', () => {
    const source = readFileSync(path.resolve(__dirname, '../../streamis-jobmanager/src/main/java/io/streamis/jobmanager/alert/AlertRule.java'), 'utf8')
    const rules = [...source.matchAll(/^\s{4}([A-Z_]+)\(/gm)].map((m) => m[1])
    expect(rules).toContain('JOB_LOST')
    for (const r of rules) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(i18n.global.te(`enums.alertRule.${r}`, locale), `${locale} ${r}`).toBe(true)
      }
    }
  })
})
