// Pure rendering helpers: what the server sends as codes, numbers or raw words becomes text in the UI's language.
import type { ConfigDefinition, SnapshotRow } from './api/types'

export type Translate = (key: string, params?: Record<string, unknown>) => string
/** Whether a message key exists in the current language (vue-i18n's te). */
export type Has = (key: string) => boolean

/** An enum word (origin, kind, start cause, reason, log type) in the UI's language; unknown words stay as sent. */
export function enumText(t: Translate, te: Has, group: string, value?: string | null): string {
  if (value === undefined || value === null || value === '') return '--'
  const key = `enums.${group}.${value}`
  return te(key) ? t(key) : value
}

/** A run time in seconds as words: "46 s" for a short run, "4 min 6 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number | null | undefined, t: Translate): string {
  if (seconds === undefined || seconds === null || Number.isNaN(seconds)) return '--'
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return t('units.seconds', { s })
  if (s < 3600) return t('units.minutes', { m: Math.floor(s / 60), s: s % 60 })
  if (s < 86400) return t('units.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) })
  return t('units.days', { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) })
}

/** A server time (ISO "2026-11-30T11:58:21.123" or "2026-11-30 11:58:21") as "2026-11-30 11:58:21". */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '--'
  return value.replace('T', ' ').replace(/\.\d+$/, '').slice(0, 19)
}

/** How old something is, in its largest whole unit and the UI's language: "5 分钟" / "5 min", "3 小时" / "3 h". */
export function formatAge(seconds: number | null | undefined, t: Translate): string {
  if (seconds === undefined || seconds === null || Number.isNaN(seconds)) return '--'
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return t('units.ageSeconds', { n: s })
  if (s < 3600) return t('units.ageMinutes', { n: Math.floor(s / 60) })
  if (s < 86400) return t('units.ageHours', { n: Math.floor(s / 3600) })
  return t('units.ageDays', { n: Math.floor(s / 86400) })
}

export interface TextPart {
  text: string
  code: boolean
}

// A dotted name (config key, file name: state.backend.type=rocksdb, krb5.conf) or an upper-case word (SQL's WITH,
// JVM): names to type as written, not words of either language.
const CODE = /[A-Za-z0-9_*-]+(?:\.[A-Za-z0-9_*-]+)+(?:=[A-Za-z0-9_.-]+)?|\b[A-Z][A-Z0-9_]+\b/g

/** A sentence split into words and code-like names, so names can be shown as code inside a translated text. */
export function codeParts(text: string | null | undefined): TextPart[] {
  if (!text) return []
  const parts: TextPart[] = []
  let at = 0
  for (const m of text.matchAll(CODE)) {
    const i = m.index ?? 0
    if (i > at) parts.push({ text: text.slice(at, i), code: false })
    parts.push({ text: m[0], code: true })
    at = i + m[0].length
  }
  if (at < text.length) parts.push({ text: text.slice(at), code: false })
  return parts
}

// Config keys whose choices are alert levels (the alert rule keys of V1_33_1); other choices are shown as stored.
const LEVEL_KEYS = new Set(['wds.linkis.flink.alert.level', 'wds.linkis.flink.alert.failure.level'])

/** A choice of a SELECT config definition as shown: an alert level in words, anything else as stored. */
export function optionLabel(t: Translate, te: Has, key: string, value: string): string {
  return LEVEL_KEYS.has(key) ? enumText(t, te, 'alertLevel', value) : value
}

/** A config definition's label: its English name in English (when the catalogue has one), else the 0.3.x name. */
export function definitionName(d: Pick<ConfigDefinition, 'name' | 'en_name'>, locale: string): string {
  return locale.startsWith('en') && d.en_name ? d.en_name : d.name
}

export interface SnapshotPage {
  rows: SnapshotRow[]
  total: number
}

/**
 * One page of the snapshots answer: the server pages when it says how many rows there are (`total`); an answer
 * without `total` is the whole list, paged here.
 */
export function snapshotPage(data: { snapshots?: SnapshotRow[]; total?: number }, pageNow: number, pageSize: number): SnapshotPage {
  const rows = data.snapshots ?? []
  if (typeof data.total === 'number') return { rows, total: data.total }
  const from = (pageNow - 1) * pageSize
  return { rows: rows.slice(from, from + pageSize), total: rows.length }
}

/**
 * Why a restore point cannot be used, in the UI's language; nothing for a usable point. The reason is a code,
 * optionally followed by ": detail" (e.g. Flink's words for a refused point), which is kept as sent.
 */
export function unusableReason(t: Translate, te: Has, row: Pick<SnapshotRow, 'usable' | 'reason'>): string {
  if (row.usable) return ''
  if (!row.reason) return '--'
  const { code, detail } = splitReason(row.reason)
  const text = enumText(t, te, 'reason', code)
  return detail ? `${text}: ${detail}` : text
}

/** A reason's code and its detail ("refused: <Flink's words>" → refused, Flink's words). */
export function splitReason(reason?: string): { code: string; detail: string } {
  if (!reason) return { code: '', detail: '' }
  const colon = reason.indexOf(':')
  return colon < 0 ? { code: reason.trim(), detail: '' }
    : { code: reason.slice(0, colon).trim(), detail: reason.slice(colon + 1).trim() }
}

export type BulkPhase = 'stop' | 'start'

/** The progress dialog's title: the phase in progress, or the phase finished with its counts. */
export function progressTitle(t: Translate, phase: BulkPhase, finished: boolean, ok: number, failed: number): string {
  if (!finished) return `${t('progress.title')} — ${t(phase === 'stop' ? 'progress.stopping' : 'progress.starting')}`
  return `${t('progress.title')} — ${t(phase === 'stop' ? 'progress.stopDone' : 'progress.startDone')} (${t('progress.summary', { ok, failed })})`
}

/**
 * Log lines as text: a page's lines are strings; anything else the server relays (a structure from Flink) is shown
 * as JSON rather than as the browser's "[object Object]" or a Java map's toString.
 */
export function logLines(logs: unknown): string[] {
  if (logs === undefined || logs === null) return []
  const list = Array.isArray(logs) ? logs : [logs]
  return list.map((l) => (typeof l === 'string' ? l : JSON.stringify(l, null, 2)))
}

/** The log's path line; 0.3.x answers the word "undefined" when a log has no file, which shows nothing. */
export function logPathText(p: unknown): string {
  return typeof p === 'string' && p !== 'undefined' && p !== 'null' ? p : ''
}
