// The one HTTP client: unwraps the Linkis envelope {method, status, message, data}.
export const API_BASE = '/api/rest_j/v1'

export class ApiError extends Error {
  constructor(public readonly status: number, message: string, public readonly httpStatus = 0) {
    super(message)
    this.name = 'ApiError'
  }
  get notLoggedIn(): boolean {
    return this.status === -1
  }
}

export interface Envelope<T> {
  method?: string
  status: number
  message: string
  data: T
}

type Params = Record<string, string | number | boolean | undefined | null | (string | number)[]>

let onNotLoggedIn: (() => void) | null = null
/** Called when any call answers status -1 (the app routes to the login page). */
export function setNotLoggedInHandler(handler: (() => void) | null) {
  onNotLoggedIn = handler
}

export function query(params?: Params): string {
  if (!params) return ''
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) v.forEach((x) => q.append(k, String(x)))
    else q.append(k, String(v))
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

export async function request<T>(method: string, path: string, opts: { params?: Params; body?: unknown; form?: FormData } = {}): Promise<T> {
  // Proof for the server's cross-site defence even when a browser sends neither Origin nor Referer
  // (a foreign page cannot add this header without a CORS preflight the server never grants).
  const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest' }
  let body: BodyInit | undefined
  if (opts.form) body = opts.form
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  let res: Response
  try {
    res = await fetch(API_BASE + path + query(opts.params), { method, headers, body, credentials: 'include' })
  } catch (e) {
    throw new ApiError(1, `Network error: ${(e as Error).message}`)
  }
  let env: Envelope<T> | null = null
  try {
    env = (await res.json()) as Envelope<T>
  } catch {
    throw new ApiError(1, `HTTP ${res.status}`, res.status)
  }
  if (!env || typeof env.status !== 'number') throw new ApiError(1, `HTTP ${res.status}`, res.status)
  if (env.status !== 0) {
    if (env.status === -1 && onNotLoggedIn) onNotLoggedIn()
    throw new ApiError(env.status, env.message || `HTTP ${res.status}`, res.status)
  }
  return (env.data ?? {}) as T
}

export const http = {
  get: <T>(path: string, params?: Params) => request<T>('GET', path, { params }),
  post: <T>(path: string, body?: unknown, params?: Params) => request<T>('POST', path, { body, params }),
  put: <T>(path: string, body?: unknown, params?: Params) => request<T>('PUT', path, { body, params }),
  del: <T>(path: string, params?: Params) => request<T>('DELETE', path, { params }),
  upload: <T>(path: string, form: FormData, params?: Params) => request<T>('POST', path, { form, params })
}
