import { afterEach, describe, expect, it, vi } from 'vitest'
import { leadershipApi, leaderSummary } from '../src/api/health'

describe('leader in the header', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('reads the leadership component of /actuator/health, also from a 503 answer', async () => {
    const details = { leader: 'node-a:9400/123-abcd', since: '2026-11-30T02:10:03.123', epoch: 4, node: 'node-b:9400/9-ffff', leading: false }
    const fetch = vi.fn().mockResolvedValue({ status: 503, json: () => Promise.resolve({ status: 'DOWN', components: { leadership: { status: 'UP', details } } }) })
    vi.stubGlobal('fetch', fetch)
    await expect(leadershipApi()).resolves.toEqual(details)
    expect(fetch.mock.calls[0][0]).toBe('/actuator/health')
    expect(leaderSummary(details)).toEqual({ node: 'node-a:9400', since: '11-30 02:10:03' })
  })

  it('shows nothing while no node leads or health cannot be read', async () => {
    expect(leaderSummary({ leader: 'none', since: '', epoch: 0, node: 'n', leading: false })).toBeNull()
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new Error('offline')))
    await expect(leadershipApi()).resolves.toBeNull()
  })
})
