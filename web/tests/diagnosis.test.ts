import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n'
import DiagnosisPanel from '../src/components/DiagnosisPanel.vue'

const plugins = { global: { plugins: [ElementPlus, i18n] } }
const diagnosis = {
  code: 'CONNECTOR_MISSING', type: 'DEPENDENCY',
  explanation: "找不到连接器/格式 'nope'", solution: '检查 WITH 中的 connector 名称',
  explanationEn: "No connector/format 'nope' found", solutionEn: 'Check the connector name',
  matched: "Could not find any factory for identifier 'nope'"
}

describe('DiagnosisPanel', () => {
  it('shows the explanation in the current language above the raw error', () => {
    i18n.global.locale.value = 'en'
    const w = mount(DiagnosisPanel, { props: { diagnosis, raw: 'org.apache.flink.table.api.ValidationException: …' }, ...plugins })
    const text = w.text()
    expect(text).toContain("No connector/format 'nope' found")
    expect(text).toContain('Check the connector name')
    expect(text.indexOf('CONNECTOR_MISSING')).toBeLessThan(text.indexOf('ValidationException'))
    i18n.global.locale.value = 'zh-CN'
    const zh = mount(DiagnosisPanel, { props: { diagnosis, raw: 'x' }, ...plugins })
    expect(zh.text()).toContain("找不到连接器/格式 'nope'")
    expect(zh.text()).toContain('建议处理')
  })

  it('says so when nothing matched and still shows the raw error', () => {
    i18n.global.locale.value = 'en'
    const w = mount(DiagnosisPanel, { props: { diagnosis: null, raw: 'java.lang.RuntimeException: boom' }, ...plugins })
    expect(w.find('[data-testid=no-diagnosis]').exists()).toBe(true)
    expect(w.find('[data-testid=raw-error]').text()).toBe('java.lang.RuntimeException: boom')
  })

  it('names where the matched line was found', () => {
    i18n.global.locale.value = 'en'
    const fromYarn = { ...diagnosis, source: 'YARN_JOB_MANAGER_LOG' as const,
      sourcePath: 'yarn logs -applicationId application_1_0001 -log_files jobmanager.log' }
    const w = mount(DiagnosisPanel, { props: { diagnosis: fromYarn, raw: 'AM Container exited with exitCode: 2' }, ...plugins })
    expect(w.find('[data-testid=diagnosis-source]').text())
      .toBe('Found in: the JobManager log YARN aggregated (yarn logs -applicationId application_1_0001 -log_files jobmanager.log)')
    expect(mount(DiagnosisPanel, { props: { diagnosis, raw: 'x' }, ...plugins }).find('[data-testid=diagnosis-source]').exists()).toBe(false)
  })
})
