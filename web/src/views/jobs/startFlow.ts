// The seed's start-confirmation contract (000 §2), as pure logic driven by injected functions so it can be
// tested without a browser: start = inspect → (confirm) → execute; batch restart = pause must succeed → inspect
// each job in turn → one confirmation per job ("confirm all" applies the answer to the rest) → one bulk execution.
import type { BulkResult, Inspection, InspectSnapshot } from '../../api/types'

export interface FlowJob {
  id: number
  name: string
}

export type Translate = (key: string, params?: Record<string, unknown>) => string

export interface ConfirmRequest {
  job: FlowJob
  messages: string[]
  snapshotPath?: string
  snapshot?: InspectSnapshot
  batch: boolean
}

export interface ConfirmAnswer {
  accepted: boolean
  applyToAll: boolean
  /** The restore point the user picked in the dialog (the offered newest point when restore is OFF). */
  snapshotPath?: string
}

export interface FlowDeps {
  inspect(jobId: number): Promise<Inspection>
  confirm(req: ConfirmRequest): Promise<ConfirmAnswer>
  execute(jobId: number, snapshotPath?: string): Promise<unknown>
  pause(ids: number[], snapshot: boolean): Promise<BulkResult>
  bulkExecute(ids: number[], snapshotPaths: Record<number, string>): Promise<BulkResult>
  error(message: string): void
  t: Translate
}

/**
 * What needs a person's confirmation: the server's `needsConfirm` (our rule); a 0.3.x-style answer without it
 * falls back to `inspections`.
 */
export function toConfirm(insp: Inspection): string[] {
  return insp.needsConfirm ?? insp.inspections ?? []
}

/** The lines of the confirmation for one job (empty when nothing needs confirming). */
export function confirmMessages(job: FlowJob, insp: Inspection, t: Translate): string[] {
  const out: string[] = []
  const need = toConfirm(insp)
  if (need.includes('version') && insp.version) {
    out.push(t('startHint.version', { now: insp.version.now.version, name: job.name, last: insp.version.last?.version ?? '---' }))
  }
  if (need.includes('snapshot') && insp.snapshot) {
    if (insp.snapshot.found === false && insp.snapshot.offer) {
      out.push(t('startHint.restoreOff', { name: job.name }))
    } else {
      out.push(t('startHint.snapshot', { name: job.name }))
    }
  }
  if (need.includes('highavailable') && insp.highavailable && !insp.highavailable.highAvailable) {
    out.push(t('startHint.highAvailable', { msg: insp.highavailable.msg }))
  }
  if (need.includes('list') && insp.list) {
    out.push(t('startHint.list', { apps: insp.list.list.map((a) => a.applicationId).join(', ') }))
  }
  return out
}

function request(job: FlowJob, insp: Inspection, batch: boolean, t: Translate): ConfirmRequest {
  const snapshotPath = toConfirm(insp).includes('snapshot') && insp.snapshot?.found !== false ? insp.snapshot?.path : undefined
  return { job, messages: confirmMessages(job, insp, t), snapshotPath, snapshot: insp.snapshot, batch }
}

export type StartResult = 'started' | 'declined' | 'inspect-failed'

/** Row "start": never pauses; no dialog when inspections is []; the confirmed snapshot path goes to execute. */
export async function startOne(job: FlowJob, deps: FlowDeps): Promise<StartResult> {
  let insp: Inspection
  try {
    insp = await deps.inspect(job.id)
  } catch (e) {
    deps.error(deps.t('startHint.inspectFailed', { message: (e as Error).message }))
    return 'inspect-failed'
  }
  if (toConfirm(insp).length === 0) {
    await deps.execute(job.id)
    return 'started'
  }
  const req = request(job, insp, false, deps.t)
  const answer = await deps.confirm(req)
  if (!answer.accepted) return 'declined'
  await deps.execute(job.id, answer.snapshotPath ?? req.snapshotPath)
  return 'started'
}

export interface BatchOutcome {
  paused?: BulkResult
  pauseFailed: boolean
  confirmed: number[]
  declined: number[]
  inspectFailed: number[]
  execution?: BulkResult
}

/** "快照重启" (snapshot=true) and "直接重启" (snapshot=false): pause must succeed first. */
export async function batchRestart(jobs: FlowJob[], snapshot: boolean, deps: FlowDeps): Promise<BatchOutcome> {
  const paused = await deps.pause(jobs.map((j) => j.id), snapshot)
  if (paused.result.Failed.count > 0) {
    return { paused, pauseFailed: true, confirmed: [], declined: [], inspectFailed: [] }
  }
  const outcome = await confirmAndExecute(jobs, deps)
  return { ...outcome, paused }
}

/** Batch "启动": the same confirmations without a pause. */
export async function batchStart(jobs: FlowJob[], deps: FlowDeps): Promise<BatchOutcome> {
  return confirmAndExecute(jobs, deps)
}

async function confirmAndExecute(jobs: FlowJob[], deps: FlowDeps): Promise<BatchOutcome> {
  const confirmed: number[] = []
  const declined: number[] = []
  const inspectFailed: number[] = []
  const paths: Record<number, string> = {}
  let applyAll: boolean | null = null
  for (const job of jobs) {
    if (applyAll !== null) {
      ;(applyAll ? confirmed : declined).push(job.id)
      continue
    }
    let insp: Inspection
    try {
      insp = await deps.inspect(job.id)
    } catch (e) {
      deps.error(deps.t('startHint.inspectFailed', { message: (e as Error).message }))
      inspectFailed.push(job.id)
      continue
    }
    if (toConfirm(insp).length === 0) {
      confirmed.push(job.id)
      continue
    }
    const req = request(job, insp, true, deps.t)
    const answer = await deps.confirm(req)
    if (answer.accepted) {
      confirmed.push(job.id)
      const path = answer.snapshotPath ?? req.snapshotPath
      if (path) paths[job.id] = path
    } else {
      declined.push(job.id)
    }
    if (answer.applyToAll) applyAll = answer.accepted
  }
  const execution = confirmed.length > 0 ? await deps.bulkExecute(confirmed, paths) : undefined
  return { pauseFailed: false, confirmed, declined, inspectFailed, execution }
}
