import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n'
import VersionCell from '../src/components/VersionCell.vue'
import VersionDialog from '../src/components/VersionDialog.vue'
import { validateConfig } from '../src/views/detail/configForm'
import type { ConfigDefinition } from '../src/api/types'

vi.mock('../src/api/job', () => ({
  listVersionsApi: vi.fn(async () => ({
    totalPage: 2,
    versions: [
      { id: 3, versionId: 12, jobId: 3, version: 'v00002', description: 'the job', comment: 'second upload', releaseTime: '2026-11-24 10:00:00', createBy: 'admin' },
      { id: 3, versionId: 11, jobId: 3, version: 'v00001', description: 'the job', comment: 'first upload', releaseTime: '2026-11-23 10:00:00', createBy: 'admin' }
    ]
  }))
}))

const plugins = { global: { plugins: [ElementPlus, i18n] } }

describe('VersionCell', () => {
  it('shows (+N) only when versions are ahead', () => {
    expect(mount(VersionCell, { props: { version: 'v00001', forwards: 2 }, ...plugins }).find('[data-testid=version-forwards]').text()).toBe('(+2)')
    expect(mount(VersionCell, { props: { version: 'v00001', forwards: 0 }, ...plugins }).find('[data-testid=version-forwards]').exists()).toBe(false)
  })
})

describe('VersionDialog', () => {
  it('marks the current version 使用中 and the others ---', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = mount(VersionDialog, { props: { visible: true, jobId: 3, currentVersion: 'v00001' }, attachTo: document.body, ...plugins })
    await flushPromises()
    const text = document.body.textContent ?? ''
    expect(text).toContain('使用中')
    expect(text).toContain('---')
    const rows = Array.from(document.querySelectorAll('[data-testid=version-table] .el-table__body tr')).map((r) => r.textContent)
    expect(rows.find((r) => r?.includes('v00001'))).toContain('使用中')
    expect(rows.find((r) => r?.includes('v00002'))).toContain('---')
    // The version's own comment is shown (0.3.x keeps the job's description under description).
    expect(rows.find((r) => r?.includes('v00002'))).toContain('second upload')
    expect(text).not.toContain('the job')
    w.unmount()
  })
})

describe('config form rules', () => {
  const defs: ConfigDefinition[] = [{ id: 1, key: 'wds.linkis.flink.resource', name: '资源配置', type: 'NONE', sort: 1, ref_values: [], required: false, visiable: 1,
    child_def: [{ id: 2, key: 'wds.linkis.flink.app.parallelism', name: 'Parallelism并行度', type: 'NUMBER', sort: 1, ref_values: [], required: true, visiable: 1, validate_type: 'Regex', validate_rule: '^([1-9]\\d{0,1}|100)$' }] }]
  const t = (k: string, p: Record<string, unknown> = {}) => `${k} ${JSON.stringify(p)}`

  it('reports a value that breaks its rule, and duplicate custom keys', () => {
    const problems = validateConfig(defs, { 'wds.linkis.flink.resource': { 'wds.linkis.flink.app.parallelism': '0' } },
      [{ key: 'a', value: '1' }, { key: 'a', value: '2' }], t)
    expect(problems[0]).toContain('detail.ruleBroken')
    expect(problems[0]).toContain('Parallelism')
    expect(problems[1]).toContain('detail.duplicateKey')
  })

  it('accepts valid values', () => {
    expect(validateConfig(defs, { 'wds.linkis.flink.resource': { 'wds.linkis.flink.app.parallelism': '4' } }, [], t)).toEqual([])
  })
})
