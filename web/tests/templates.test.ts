import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

// Technical values shown as they are (job types, log sources), not prose.
const ALLOWED = new Set(['flink.sql', 'flink.jar', 'client', 'flink', 'jobmanager', 'taskmanager', '×'])

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f)
    return statSync(p).isDirectory() ? vueFiles(p) : p.endsWith('.vue') ? [p] : []
  })
}

describe('templates', () => {
  it('show no hard-coded prose: every user-visible string goes through i18n', () => {
    const problems: string[] = []
    for (const file of vueFiles(path.resolve(__dirname, '../src'))) {
      const template = (readFileSync(file, 'utf8').match(/<template>([\s\S]*)<\/template>/) ?? ['', ''])[1]
      for (const m of template.matchAll(/>([^<>{}]*[A-Za-z\u4e00-\u9fff][^<>{}]*)</g)) {
        if (!ALLOWED.has(m[1].trim())) problems.push(`${path.basename(file)}: text "${m[1].trim()}"`)
      }
      for (const m of template.matchAll(/\s(label|placeholder|title)="([^"]+)"/g)) {
        if (!ALLOWED.has(m[2])) problems.push(`${path.basename(file)}: ${m[1]}="${m[2]}"`)
      }
    }
    expect(problems).toEqual([])
  })
})
