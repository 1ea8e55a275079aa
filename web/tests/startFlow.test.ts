import { describe, expect, it, vi } from 'vitest'
import { batchRestart, batchStart, startOne, type ConfirmAnswer, type FlowDeps } from '../src/views/jobs/startFlow'
import type { BulkResult, Inspection } from '../src/api/types'
import { createI18n } from 'vue-i18n'
import zhCN from '../src/i18n/zh-CN'

// The real vue-i18n the UI uses, so the seed's exact strings are checked after its message compiler (which gives
// characters such as | @ { } meaning) rather than after a hand-written substitution.
const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN } })
const t = (key: string, params: Record<string, unknown> = {}) => i18n.global.t(key, params)

const ok = (count: number): BulkResult => ({ bulkId: 1, action: 'X', total: count, done: count, finished: true, items: [],
  result: { Success: { data: [], count }, Failed: { data: [], count: 0 } } })

const VERSION: Inspection = { inspections: ['version'], version: { now: { version: 'v00002' }, last: { version: 'v00001' } } }
const SNAPSHOT: Inspection = { inspections: ['snapshot'], snapshot: { path: 'file:/s/savepoint-1', origin: 'stop' } }
const BOTH: Inspection = { inspections: ['version', 'snapshot'], version: VERSION.version, snapshot: SNAPSHOT.snapshot }
const NONE: Inspection = { inspections: [] }

function deps(inspections: Record<number, Inspection | Error>, answers: ConfirmAnswer[] = []): FlowDeps & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    inspect: vi.fn(async (id: number) => {
      calls.push(`inspect ${id}`)
      const r = inspections[id]
      if (r instanceof Error) throw r
      return r
    }),
    confirm: vi.fn(async (req) => {
      calls.push(`confirm ${req.job.id}: ${req.messages.join(' | ')}${req.snapshotPath ? ` @ ${req.snapshotPath}` : ''}`)
      return answers.shift() ?? { accepted: true, applyToAll: false }
    }),
    execute: vi.fn(async (id: number, path?: string) => { calls.push(`execute ${id}${path ? ` ${path}` : ''}`) }),
    pause: vi.fn(async (ids: number[], snapshot: boolean) => { calls.push(`pause ${ids} ${snapshot}`); return ok(ids.length) }),
    bulkExecute: vi.fn(async (ids: number[], paths: Record<number, string>) => { calls.push(`bulk ${ids} ${JSON.stringify(paths)}`); return ok(ids.length) }),
    error: vi.fn((m: string) => { calls.push(`error ${m}`) }),
    t
  }
}

const job = { id: 1, name: 'orders' }

describe('start (row button)', () => {
  it('executes directly without a dialog when inspections is []', async () => {
    const d = deps({ 1: NONE })
    expect(await startOne(job, d)).toBe('started')
    expect(d.calls).toEqual(['inspect 1', 'execute 1'])
  })

  it('asks about the version with the seed text', async () => {
    const d = deps({ 1: VERSION })
    await startOne(job, d)
    expect(d.calls).toEqual(['inspect 1', 'confirm 1: 确定以最新发布版本: v00002 启动作业orders?(上次启动版本: v00001)', 'execute 1'])
  })

  it('asks about the snapshot and starts from the confirmed path', async () => {
    const d = deps({ 1: SNAPSHOT })
    await startOne(job, d)
    expect(d.calls).toEqual(['inspect 1', 'confirm 1: 确定使用如下快照恢复作业 orders @ file:/s/savepoint-1',
      'execute 1 file:/s/savepoint-1'])
  })

  it('shows both and starts nothing when declined', async () => {
    const d = deps({ 1: BOTH }, [{ accepted: false, applyToAll: false }])
    expect(await startOne(job, d)).toBe('declined')
    expect(d.calls[1]).toContain('v00002')
    expect(d.calls[1]).toContain('确定使用如下快照恢复作业 orders')
    expect(d.calls).not.toContain('execute 1')
  })

  it('reports an inspect error and starts nothing; start never pauses', async () => {
    const d = deps({ 1: new Error('job is banned') })
    expect(await startOne(job, d)).toBe('inspect-failed')
    expect(d.calls).toEqual(['inspect 1', 'error 作业启动检查失败, job is banned'])
    expect(d.pause).not.toHaveBeenCalled()
  })
})

describe('batch restart', () => {
  const five = [1, 2, 3, 4, 5].map((id) => ({ id, name: `j${id}` }))

  it('pauses first with the snapshot flag, then applies "confirm all" ticked at job 2 to jobs 3-5', async () => {
    const d = deps({ 1: SNAPSHOT, 2: SNAPSHOT, 3: SNAPSHOT, 4: SNAPSHOT, 5: SNAPSHOT },
      [{ accepted: true, applyToAll: false }, { accepted: true, applyToAll: true }])
    const r = await batchRestart(five, true, d)
    expect(d.calls[0]).toBe('pause 1,2,3,4,5 true')
    expect(d.calls.filter((c) => c.startsWith('inspect'))).toEqual(['inspect 1', 'inspect 2'])
    expect(d.confirm).toHaveBeenCalledTimes(2)
    expect(r.confirmed).toEqual([1, 2, 3, 4, 5])
    expect(d.calls.at(-1)).toBe('bulk 1,2,3,4,5 {"1":"file:/s/savepoint-1","2":"file:/s/savepoint-1"}')
  })

  it('direct restart differs only in the snapshot flag; declined jobs are not started', async () => {
    const d = deps({ 1: VERSION, 2: NONE, 3: VERSION }, [{ accepted: false, applyToAll: false }, { accepted: true, applyToAll: false }])
    const r = await batchRestart(five.slice(0, 3), false, d)
    expect(d.calls[0]).toBe('pause 1,2,3 false')
    expect(r.declined).toEqual([1])
    expect(r.confirmed).toEqual([2, 3])
    expect(d.confirm).toHaveBeenCalledTimes(2)
  })

  it('"confirm all" with a decline declines the rest', async () => {
    const d = deps({ 1: VERSION, 2: VERSION }, [{ accepted: false, applyToAll: true }])
    const r = await batchRestart(five.slice(0, 3), true, d)
    expect(r.declined).toEqual([1, 2, 3])
    expect(d.bulkExecute).not.toHaveBeenCalled()
  })

  it('stops when the pause fails', async () => {
    const d = deps({})
    d.pause = vi.fn(async () => ({ ...ok(2), result: { Success: { data: [], count: 1 }, Failed: { data: [], count: 1 } } }))
    const r = await batchRestart(five.slice(0, 2), true, d)
    expect(r.pauseFailed).toBe(true)
    expect(d.inspect).not.toHaveBeenCalled()
    expect(d.bulkExecute).not.toHaveBeenCalled()
  })

  it('batch start never pauses and skips jobs whose inspection fails', async () => {
    const d = deps({ 1: NONE, 2: new Error('boom') })
    const r = await batchStart(five.slice(0, 2), d)
    expect(d.pause).not.toHaveBeenCalled()
    expect(r.inspectFailed).toEqual([2])
    expect(d.calls.at(-1)).toBe('bulk 1 {}')
  })
})

describe('0.3.x-complete inspection answers (needsConfirm decides, inspections lists everything)', () => {
  const HA = { highAvailable: true, msg: '管理员未开启高可用配置' }
  const SAME_VERSION: Inspection = {
    inspections: ['version', 'snapshot', 'highavailable'], needsConfirm: [],
    version: { now: { version: 'v00001' }, last: { version: 'v00001' } },
    snapshot: { path: '任务未开启快照，无需检查快照地址', found: false, restoreSwitch: 'OFF' }, highavailable: HA
  }
  const OFFER: Inspection = {
    inspections: ['version', 'snapshot', 'highavailable'], needsConfirm: ['snapshot'],
    version: { now: { version: 'v00001' }, last: { version: 'v00001' } },
    snapshot: { path: '任务未开启快照，无需检查快照地址', found: false, restoreSwitch: 'OFF',
      offer: { path: 'file:/s/chk-7', kind: 'CHECKPOINT' } },
    highavailable: HA
  }

  it('starts without a dialog when nothing needs confirming, and never sends the message as a path', async () => {
    const d = deps({ 1: SAME_VERSION })
    expect(await startOne(job, d)).toBe('started')
    expect(d.calls).toEqual(['inspect 1', 'execute 1'])
  })

  it('restore OFF with restore points: asks, and starts empty when simply confirmed', async () => {
    const d = deps({ 1: OFFER })
    await startOne(job, d)
    expect(d.calls[1]).toContain('orders')
    expect(d.calls[1]).not.toContain('@')
    expect(d.calls[2]).toBe('execute 1')
  })

  it('restore OFF with restore points: the one-click answer starts from the offered newest point', async () => {
    const d = deps({ 1: OFFER }, [{ accepted: true, applyToAll: false, snapshotPath: 'file:/s/chk-7' }])
    await startOne(job, d)
    expect(d.calls[2]).toBe('execute 1 file:/s/chk-7')
  })
})
