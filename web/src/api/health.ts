/** Who leads the nodes sharing the database (`/actuator/health` → components.leadership). */
export interface Leadership {
  leader: string
  since: string
  epoch: number
  node: string
  leading: boolean
}

export async function leadershipApi(): Promise<Leadership | null> {
  try {
    // Health answers 503 with the same body when a component is down; the leader is still worth showing.
    const r = await fetch('/actuator/health', { credentials: 'same-origin' })
    const body = await r.json()
    return body?.components?.leadership?.details ?? null
  } catch {
    return null
  }
}

/** host:port of a node id (`host:port/pid-nonce`), and the start of its term as `MM-dd HH:mm:ss`. */
export function leaderSummary(l: Leadership | null): { node: string; since: string } | null {
  if (!l || !l.leader || l.leader === 'none') return null
  const node = l.leader.split('/')[0]
  const since = (l.since || '').replace('T', ' ').replace(/\.\d+$/, '').slice(5)
  return { node, since }
}
