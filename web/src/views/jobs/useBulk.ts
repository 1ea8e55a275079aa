import { reactive } from 'vue'
import { bulkExecutionApi, bulkPauseApi, bulkProgressApi } from '../../api/bulk'
import type { BulkItemView, BulkResult } from '../../api/types'
import type { BulkPhase } from '../../render'

/** Runs bulk operations and follows them to the end, exposing progress for the dialog. */
export function useBulk() {
  const progress = reactive({ visible: false, phase: 'stop' as BulkPhase, items: [] as BulkItemView[], total: 0, finished: false, message: '' })

  async function follow(start: Promise<BulkResult>, phase: BulkPhase): Promise<BulkResult> {
    progress.visible = true
    progress.phase = phase
    progress.finished = false
    progress.message = ''
    let r = await start
    progress.items = r.items
    progress.total = r.total
    while (!r.finished) {
      await new Promise((res) => setTimeout(res, 1000))
      r = await bulkProgressApi(r.bulkId)
      progress.items = r.items
    }
    progress.finished = true
    return r
  }

  return {
    progress,
    pause: (ids: number[], snapshot: boolean) => follow(bulkPauseApi(ids, snapshot), 'stop'),
    execute: (ids: number[], paths: Record<number, string>) => follow(bulkExecutionApi(ids, paths), 'start')
  }
}
