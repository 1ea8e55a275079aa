import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, http, query, setLanguageSource, setNotLoggedInHandler } from '../src/http/client'

function respond(status: number, body: unknown) {
  return vi.fn().mockResolvedValue({ status, json: () => Promise.resolve(body) })
}

describe('http client', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    setNotLoggedInHandler(null)
  })

  it('unwraps data from an ok envelope and sends JSON', async () => {
    const fetch = respond(200, { method: '/x', status: 0, message: 'OK', data: { jobId: 7 } })
    vi.stubGlobal('fetch', fetch)
    await expect(http.post<{ jobId: number }>('/x', { a: 1 })).resolves.toEqual({ jobId: 7 })
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/api/rest_j/v1/x')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(init.headers['X-Requested-With']).toBe('XMLHttpRequest')
    expect(init.body).toBe('{"a":1}')
  })

  it('reads the envelope of non-2xx answers and throws its message and status', async () => {
    vi.stubGlobal('fetch', respond(412, { status: 2, message: 'jobName is required', data: {} }))
    const err = (await http.get('/y').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(2)
    expect(err.httpStatus).toBe(412)
    expect(err.message).toBe('jobName is required')
  })

  it('calls the login handler on status -1', async () => {
    vi.stubGlobal('fetch', respond(401, { status: -1, message: 'You are not logged in', data: {} }))
    const handler = vi.fn()
    setNotLoggedInHandler(handler)
    const err = (await http.get('/z').catch((e: unknown) => e)) as ApiError
    expect(err.notLoggedIn).toBe(true)
    expect(handler).toHaveBeenCalledOnce()
  })

  it('repeats array parameters and drops empty ones', () => {
    expect(query({ jobId: [1, 2], a: '', b: undefined, c: 0 })).toBe('?jobId=1&jobId=2&c=0')
  })

  it('sends the UI language as Accept-Language, so server messages come in it', async () => {
    const fetch = respond(200, { status: 0, message: 'OK', data: {} })
    vi.stubGlobal('fetch', fetch)
    setLanguageSource(() => 'en')
    await http.get('/z')
    expect(fetch.mock.calls[0][1].headers['Accept-Language']).toBe('en')
    setLanguageSource(() => 'zh-CN')
    await http.get('/z')
    expect(fetch.mock.calls[1][1].headers['Accept-Language']).toBe('zh-CN')
  })
})
