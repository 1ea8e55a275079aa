import type { ConfigDefinition, ConfigGroups } from '../../api/types'
import { definitionName } from '../../render'

export const CUSTOM_GROUP = 'wds.linkis.flink.custom'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Checks values against their definitions (required, regex) and custom rows (no empty or duplicate keys). */
export function validateConfig(defs: ConfigDefinition[], values: ConfigGroups, custom: { key: string; value: string }[],
                               t: Translate, locale = 'zh-CN'): string[] {
  const problems: string[] = []
  for (const group of defs) {
    for (const d of group.child_def ?? []) {
      const v = (values[group.key]?.[d.key] ?? '').trim()
      const name = definitionName(d, locale)
      if (d.required && !v) problems.push(t('detail.required', { name }))
      else if (v && d.validate_type === 'Regex' && d.validate_rule && !new RegExp(d.validate_rule).test(v)) {
        problems.push(t('detail.ruleBroken', { name, rule: d.validate_rule }))
      }
    }
  }
  const seen = new Set<string>()
  for (const row of custom) {
    const k = row.key.trim()
    if (!k) problems.push(t('detail.emptyKey'))
    else if (seen.has(k)) problems.push(t('detail.duplicateKey', { key: k }))
    seen.add(k)
  }
  return problems
}

/** The nested map the server expects, with the custom group rebuilt from its rows. */
export function toPayload(values: ConfigGroups, custom: { key: string; value: string }[]): ConfigGroups {
  const out: ConfigGroups = {}
  for (const [g, kv] of Object.entries(values)) out[g] = { ...kv }
  out[CUSTOM_GROUP] = Object.fromEntries(custom.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]))
  return out
}
