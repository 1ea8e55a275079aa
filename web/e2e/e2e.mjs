// End-to-end run in headless Debian chromium against a real Streamis server (embedded Flink, fresh H2).
// STREAMIS_URL and STREAMIS_ADMIN_PASSWORD select the server; screenshots go to ../docs/screenshots/.
import { chromium } from 'playwright-core'
import { zipSync, strToU8 } from 'fflate'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const BASE = process.env.STREAMIS_URL ?? 'http://127.0.0.1:9400'
const PASSWORD = process.env.STREAMIS_ADMIN_PASSWORD ?? 'admin'
const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')
mkdirSync(SHOTS, { recursive: true })

const SQL = `CREATE TABLE src (k INT, v STRING) WITH ('connector'='datagen','rows-per-second'='20','fields.k.min'='1','fields.k.max'='10');
CREATE TABLE snk (k INT, c BIGINT) WITH ('connector'='blackhole');
INSERT INTO snk SELECT k, COUNT(*) FROM src GROUP BY k;`

function jobZip(name, comment = 'e2e', sql = SQL) {
  const meta = {
    projectName: 'default', jobName: name, jobType: 'flink.sql', tags: 'e2e', description: 'e2e job', comment,
    jobContent: { type: 'sql', sql },
    jobConfig: {
      'wds.linkis.flink.resource': { 'wds.linkis.flink.app.parallelism': '1' },
      'wds.linkis.flink.produce': { 'wds.linkis.flink.checkpoint.switch': 'ON', 'wds.linkis.flink.checkpoint.interval': '1000',
        'wds.linkis.flink.app.start-auto-restore.switch': 'ON' }
    }
  }
  return Buffer.from(zipSync({ 'meta.json': strToU8(JSON.stringify(meta)) }))
}

const step = (m) => console.log(`[e2e] ${m}`)

// Every console error and uncaught page error fails the run, except a failed call a step provokes on purpose.
const consoleErrors = []
let expectedErrors = []
function watchConsole(page) {
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const where = m.location()?.url ?? ''
    if (expectedErrors.some((re) => re.test(m.text()) || re.test(where))) return
    consoleErrors.push(`${m.text()} (${where})`)
  })
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`))
}

// The dictionary check: in English no CJK character; in Chinese none of the English words our own en.ts uses
// (minus the words zh-CN.ts uses too, like Flink or JobManager). User data (job names, paths, logs, SQL) is
// excluded by marking: .mono, pre, [data-userdata], and the job-name cells.
const DIR = path.dirname(fileURLToPath(import.meta.url))
function dictionaryWords(file) {
  const text = readFileSync(path.join(DIR, '../src/i18n', file), 'utf8')
  const values = [...text.matchAll(/:\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\{\w+\}/g, ' '))
  return new Set(values.flatMap((v) => v.split(/[^A-Za-z]+/)).filter((w) => w.length >= 4).map((w) => w.toLowerCase()))
}
const ZH_WORDS = dictionaryWords('zh-CN.ts')
// Words of the 0.3.x Chinese labels (kept as the seed has them) that are English.
const ALLOWED = new Set(['flink', 'jobmanager', 'taskmanager', 'memory', 'checkpoint', 'savepoint', 'parallelism', 'slot', 'cpus', 'yarn', 'streamis', 'english'])
const EN_ONLY = new Set([...dictionaryWords('en.ts')].filter((w) => !ZH_WORDS.has(w) && !ALLOWED.has(w)))

async function visibleText(page) {
  return page.evaluate(() => {
    const root = document.body.cloneNode(true)
    root.querySelectorAll('.mono, pre, [data-userdata], [data-testid="lang"], [data-testid^="job-"], script, style, .el-select-dropdown, .el-popper[aria-hidden="true"]').forEach((e) => e.remove())
    // innerText needs layout; the clone is measured in a hidden container.
    const box = document.createElement('div')
    box.style.cssText = 'position:absolute;left:-99999px;top:0;width:1500px'
    box.appendChild(root)
    document.body.appendChild(box)
    const text = root.innerText
    box.remove()
    return text
  })
}

async function checkLanguage(page, lang, where) {
  const text = await visibleText(page)
  if (lang === 'en') {
    const cjk = [...new Set(text.match(/[\u3400-\u9fff\uff00-\uffef]+/g) ?? [])]
    check(cjk.length === 0, `${where} (English) shows no Chinese${cjk.length ? `: ${cjk.slice(0, 8).join(' ')}` : ''}`)
  } else {
    const words = [...new Set((text.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => EN_ONLY.has(w.toLowerCase())))]
    check(words.length === 0, `${where} (中文) shows no English words of the UI${words.length ? `: ${words.slice(0, 8).join(' ')}` : ''}`)
  }
}

async function setLang(page, lang) {
  await page.evaluate((l) => localStorage.setItem('streamis.locale', l), lang)
  await page.reload()
}
let failures = 0
// Every goto loads the page afresh (a new query string): a hash-only change keeps the previous page's timers and
// pending router updates alive, and one of them once put the detail page back over the next page.
let navigations = 0
function check(cond, msg) {
  if (!cond) { failures++; console.error(`[e2e] FAIL: ${msg}`) } else step(`ok: ${msg}`)
}

async function api(page, method, p, body) {
  return page.evaluate(async ([m, u, b]) => {
    const r = await fetch('/api/rest_j/v1' + u, { method: m, headers: b ? { 'Content-Type': 'application/json' } : {}, body: b ? JSON.stringify(b) : undefined })
    return r.json()
  }, [method, p, body])
}

async function waitFor(what, fn, timeoutMs = 90000) {
  const end = Date.now() + timeoutMs
  let last
  while (Date.now() < end) {
    last = await fn()
    if (last) return last
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`timed out waiting for ${what}`)
}

// Element Plus puts attributes of el-input on the inner <input>; accept either place.
const inputOf = (page, id) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first()

async function jobRow(page, name) {
  const r = await api(page, 'GET', `/streamis/streamJobManager/job/list?projectName=default&jobName=${name}`)
  return r.data.tasks.find((t) => t.name === name)
}

async function upload(page, name, comment) {
  await page.locator('[data-testid=upload] input[type=file]').setInputFiles({ name: `${name}.zip`, mimeType: 'application/zip', buffer: jobZip(name, comment) })
  await waitFor(`${name} listed`, async () => (await jobRow(page, name)) !== undefined)
  await page.getByTestId('query').click()
}

// Server messages in the language asked for (Accept-Language), checked without the browser so the refused calls
// log nothing in its console.
async function serverLanguage(context) {
  const headers = (lang) => ({ 'X-Requested-With': 'XMLHttpRequest', 'Accept-Language': lang })
  const login = async (lang) => (await (await context.request.post(`${BASE}/api/rest_j/v1/user/login`,
    { headers: headers(lang), data: { userName: 'admin', password: 'not-the-password' } })).json()).message
  check((await login('zh-CN')) === '用户名或密码错误', 'login failure in Chinese')
  check((await login('en')) === 'Wrong user name or password', 'login failure in English')
  check((await login('')) === 'Wrong user name or password', 'login failure without Accept-Language stays English (0.3.x)')
}

async function uploadLanguage(context) {
  const noMeta = Buffer.from(zipSync({ 'readme.txt': strToU8('no meta here') }))
  const upload = async (lang) => (await (await context.request.post(`${BASE}/api/rest_j/v1/streamis/streamJobManager/job/upload?projectName=default`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest', 'Accept-Language': lang }, multipart: { file: { name: 'bad.zip', mimeType: 'application/zip', buffer: noMeta } } })).json()).message
  check((await upload('zh-CN')) === '压缩包根目录下没有 meta.json', 'upload error in Chinese')
  check((await upload('en')) === 'The zip has no meta.json at its root', 'upload error in English')
}

const DETAIL_TABS = ['summary', 'history', 'config', 'content', 'snapshots', 'alerts', 'logs']

/** Opens each tab of a job's detail page and checks its text is in one language. */
async function detailTabs(page, jobId, lang) {
  for (const tab of DETAIL_TABS) {
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${jobId}?tab=${tab}`)
    await page.getByTestId('detail-name').waitFor()
    await page.locator(`#pane-${tab}`).waitFor()
    await page.waitForLoadState('networkidle').catch(() => undefined)
    await page.waitForTimeout(tab === 'summary' ? 1500 : 500)
    await checkLanguage(page, lang, `detail tab ${tab}`)
    if (tab === 'snapshots') {
      const ages = (await page.getByTestId('snapshot-age').allInnerTexts()).map((a) => a.trim())
      const unit = lang === 'en' ? /^\d+ (s|min|h|d)$/ : /^\d+ (秒|分钟|小时|天)$/
      check(ages.length > 0 && ages.every((a) => unit.test(a)), `restore point ages in the UI language (${ages.slice(0, 3).join(', ')})`)
    }
  }
}

/** The audit page: actions and outcomes in the UI's language, raw names only as a tooltip. */
async function auditPage(page, lang) {
  await page.goto(`${BASE}/?n=${++navigations}#/audit`)
  await page.getByTestId('audit-table').waitFor()
  const batch = lang === 'en' ? 'Job of a batch' : '批量操作中的作业'
  await waitFor('audit rows shown', async () => (await page.getByTestId('audit-table').innerText()).includes(batch))
  const text = await page.getByTestId('audit-table').innerText()
  check(text.includes(lang === 'en' ? 'Batch start' : '批量启动') && !/BULK_ITEM|BULK_START/.test(text), `audit actions translated (${lang})`)
  await page.getByTestId('audit-action').click()
  await page.locator('.el-select-dropdown__item:visible').first().waitFor()
  const options = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
  check(options.length > 10 && !options.some((o) => /^[A-Z_]+$/.test(o.trim())), `audit action filter translated (${lang}: ${options.slice(0, 3).join(', ')})`)
  await page.keyboard.press('Escape')
  await checkLanguage(page, lang, 'audit page')
}

/** The alert channels page and its edit dialog in one language. */
async function alertChannelsPage(page, lang) {
  await page.goto(`${BASE}/?n=${++navigations}#/alertChannels`)
  await page.getByTestId('test-ops-webhook').waitFor()
  await checkLanguage(page, lang, 'alert channels')
  await page.getByTestId('add-channel').click()
  await page.getByTestId('channel-save').waitFor()
  await checkLanguage(page, lang, 'alert channel dialog')
  await page.keyboard.press('Escape')
}

/** The failure reason dialog of e2e_nope: the diagnosis above the raw error, in one language. */
async function diagnosisDialog(page, lang) {
  await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter`)
  await page.getByTestId('job-table').waitFor()
  await inputOf(page, 'filter-name').fill('e2e_nope')
  await page.getByTestId('query').click()
  await page.locator('.reason').first().click()
  await page.getByTestId('diagnosis').waitFor()
  await checkLanguage(page, lang, 'diagnosis dialog')
}

async function main() {
  // A fresh profile per run; playwright takes it as the persistent context's directory.
  const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'streamis-chrome-')), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1500, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  })
  const page = await browser.newPage()
  watchConsole(page)
  try {
    // A first visit lands on the login page without a failed call or a console error.
    await page.goto(`${BASE}/`)
    await page.getByTestId('login-submit').waitFor()
    check(page.url().includes('#/login'), `a first visit goes to the login page (${page.url()})`)
    await checkLanguage(page, 'zh', 'login page')
    await page.screenshot({ path: `${SHOTS}/login.png` })
    await serverLanguage(browser)
    await inputOf(page, 'login-password').fill(PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('open-project-default').click()
    await uploadLanguage(browser)
    await page.getByTestId('job-table').waitFor()
    step('logged in, project default open')

    // Upload → listed → start with the confirmation dialog → RUNNING.
    await upload(page, 'e2e_orders')
    await page.getByTestId('job-e2e_orders').waitFor()
    await page.getByTestId('start-e2e_orders').click()
    await page.getByTestId('start-confirm').locator('[data-testid=start-confirm-message]').first().waitFor()
    const msg = await page.getByTestId('start-confirm').innerText()
    check(msg.includes('确定以最新发布版本: v00001 启动作业e2e_orders'), 'version confirmation shows the seed text')
    await page.screenshot({ path: `${SHOTS}/start-confirm.png` })
    await page.getByTestId('start-confirm-ok').click()
    await waitFor('e2e_orders RUNNING', async () => (await jobRow(page, 'e2e_orders'))?.status === 5)
    await page.getByTestId('query').click()
    const statusCell = page.locator('[data-testid=status-e2e_orders][data-status="5"]')
    await statusCell.waitFor()
    const statusText = (await statusCell.innerText()).trim()
    check(statusText === '运行中', `job shows RUNNING in the list as 运行中 (got "${statusText}")`)

    // A second version while running → (+1), version dialog marks 使用中.
    await upload(page, 'e2e_orders', 'second')
    await page.getByTestId('query').click()
    const fwd = page.locator('tr', { has: page.getByTestId('job-e2e_orders') }).getByTestId('version-forwards')
    await fwd.waitFor()
    check((await fwd.innerText()).includes('(+1)'), 'version cell shows (+1)')
    await page.screenshot({ path: `${SHOTS}/job-center.png` })
    await page.locator('tr', { has: page.getByTestId('job-e2e_orders') }).getByTestId('version-link').click()
    await page.getByTestId('version-using').first().waitFor()
    const usingRow = await page.locator('[data-testid=version-table] tr', { has: page.getByTestId('version-using') }).innerText()
    check(usingRow.includes('v00001'), 'version dialog marks the running version v00001 as 使用中')
    await page.screenshot({ path: `${SHOTS}/version-dialog.png` })
    await page.keyboard.press('Escape')

    // Three running jobs → snapshot restart with "确认所有批量作业" → all RUNNING from their new savepoints.
    for (const n of ['e2e_b1', 'e2e_b2', 'e2e_b3']) {
      await upload(page, n)
      const id = (await jobRow(page, n)).id
      const r = await api(page, 'POST', '/streamis/streamJobManager/job/execute', { jobId: id })
      check(r.status === 0, `${n} started through the API`)
    }
    for (const n of ['e2e_b1', 'e2e_b2', 'e2e_b3']) {
      const id = (await jobRow(page, n)).id
      await waitFor(`${n} checkpoint`, async () => (await api(page, 'GET', `/streamis/streamJobManager/job/snapshots?jobId=${id}`)).data.snapshots.some((s) => s.kind === 'CHECKPOINT'))
    }
    await page.getByTestId('query').click()
    await page.getByTestId('batch-toggle').click()
    for (const n of ['e2e_b1', 'e2e_b2', 'e2e_b3']) {
      await page.locator('tr', { has: page.getByTestId(`job-${n}`) }).locator('.el-checkbox').first().click()
    }
    await page.getByTestId('batch-snapshot-restart').click()
    await page.getByTestId('confirm-all').waitFor({ timeout: 120000 })
    const bmsg = await page.getByTestId('start-confirm').innerText()
    check(bmsg.includes('确定使用如下快照恢复作业'), 'batch confirmation shows the snapshot to restore')
    await page.getByTestId('confirm-all').click()
    await page.screenshot({ path: `${SHOTS}/batch-confirm.png` })
    await page.getByTestId('start-confirm-ok').click()
    await waitFor('bulk progress finished', async () => (await page.getByTestId('bulk-progress-text').innerText()).includes('3/3'), 120000)
    const finalTitle = await waitFor('bulk dialog finished', async () => {
      const s = await page.getByTestId('bulk-title').innerText()
      return s.includes('已完成') ? s : null
    })
    check(finalTitle.includes('启动已完成') && finalTitle.includes('成功 3 个') && finalTitle.includes('失败 0 个'), `batch dialog ends 已完成 with the counts ("${finalTitle}")`)
    check((await page.getByTestId('bulk-progress').innerText()).includes('100%'), 'batch dialog keeps the percentage')
    const itemMsg = await page.getByTestId('bulk-item-message').first().innerText()
    check(itemMsg.startsWith('运行中'), `bulk item message in Chinese ("${itemMsg.slice(0, 40)}")`)
    await checkLanguage(page, 'zh', 'batch progress dialog')
    await page.screenshot({ path: `${SHOTS}/batch-progress.png` })
    for (const n of ['e2e_b1', 'e2e_b2', 'e2e_b3']) {
      const row = await waitFor(`${n} RUNNING again`, async () => { const r = await jobRow(page, n); return r?.status === 5 ? r : null })
      const h = await api(page, 'GET', `/streamis/streamJobManager/job/execute/history?jobId=${row.id}&pageNow=1&pageSize=2`)
      check(String(h.data.details[0].restoredFrom ?? '').includes('savepoint-'), `${n} restored from its new savepoint (${h.data.details[0].restoredFrom})`)
    }
    await page.keyboard.press('Escape')

    // A config value that breaks its rule shows the message and saves nothing.
    const orders = await jobRow(page, 'e2e_orders')
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${orders.id}?tab=config`)
    const input = inputOf(page, 'config-wds.linkis.flink.app.parallelism')
    await input.waitFor()
    await input.fill('0')
    await page.getByTestId('config-save').click()
    await page.getByTestId('config-problem').first().waitFor()
    check((await page.getByTestId('config-problem').first().innerText()).includes('^([1-9][0-9]{0,1}|100)$'), 'rule message shown')
    await page.screenshot({ path: `${SHOTS}/config-rule.png` })
    const cfg = await api(page, 'GET', `/streamis/streamJobManager/config/json/${orders.id}`)
    check(cfg.data['wds.linkis.flink.resource']['wds.linkis.flink.app.parallelism'] === '1', 'nothing was saved')

    // A stop records why: the history's stop cause, and the run time in seconds.
    const b1 = await jobRow(page, 'e2e_b1')
    check((await api(page, 'GET', `/streamis/streamJobManager/job/stop?jobId=${b1.id}&snapshot=true`)).status === 0, 'e2e_b1 stopped with a savepoint')
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${b1.id}?tab=history`)
    const cause = await waitFor('stop cause shown', async () => {
      const c = (await page.getByTestId('history-stop-cause').first().innerText()).trim()
      return c.startsWith('用户停止') ? c : null
    }, 20000)
    check(cause.includes('savepoint-'), `history stop cause says who stopped and the savepoint ("${cause.slice(0, 60)}")`)
    const runtime = (await page.getByTestId('history-runtime').first().innerText()).trim()
    check(/^\d+ (秒|分 \d+ 秒)$/.test(runtime), `history run time in Chinese with seconds ("${runtime}")`)

    // The snapshots tab pages; "从此处启动" makes the header follow the run without a reload.
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${b1.id}?tab=snapshots`)
    await page.getByTestId('snapshot-table').locator('.el-table__body tr').first().waitFor()
    const snap = (await api(page, 'GET', `/streamis/streamJobManager/job/snapshots?jobId=${b1.id}&pageNow=1&pageSize=10`)).data
    const snapTotal = typeof snap.total === 'number' ? snap.total : snap.snapshots.length
    const shown = await page.getByTestId('snapshot-table').locator('.el-table__body tr').count()
    check(shown === Math.min(10, snapTotal), `snapshots tab shows one page (${shown} of ${snapTotal})`)
    check((await page.getByTestId('snapshot-pager').innerText()).includes(String(snapTotal)), 'snapshot pager shows the total')
    // Five a page, so the run always has a second page to turn to.
    check(snapTotal > 5, `e2e_b1 has more than five restore points (${snapTotal})`)
    await page.getByTestId('snapshot-pager').locator('.el-pagination__sizes .el-select').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^\s*5\b/ }).click()
    await waitFor('five a page', async () => (await page.getByTestId('snapshot-table').locator('.el-table__body tr').count()) === 5, 10000)
    const firstPage = await page.getByTestId('snapshot-table').locator('.el-table__body').innerText()
    await page.getByTestId('snapshot-pager').locator('.btn-next').click()
    await waitFor('second snapshot page', async () => (await page.getByTestId('snapshot-table').locator('.el-table__body').innerText()) !== firstPage, 10000)
    const secondRows = await page.getByTestId('snapshot-table').locator('.el-table__body tr').count()
    check(secondRows === Math.min(5, snapTotal - 5), `the second page holds the rest (${secondRows})`)
    await page.getByTestId('snapshot-pager').locator('.btn-prev').click()
    for (const r of (await page.getByTestId('snapshot-reason').allInnerTexts())) {
      // "--": the server gave no reason (before it says why); a code must not reach the screen untranslated.
      if (r.trim() && r.trim() !== '--') check(!/^[a-z-]+$/.test(r.trim()), `an unusable point's reason is translated ("${r.trim()}")`)
    }
    await checkLanguage(page, 'zh', 'snapshots tab')
    check((await page.getByTestId('detail-status').getAttribute('data-status')) === '7', 'detail header shows 已停止 before the start')
    await page.getByTestId('snapshot-table').locator('.el-table__body tr').filter({ has: page.locator('button:not([disabled])') }).first().locator('button').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await waitFor('header follows the start', async () => (await page.getByTestId('detail-status').getAttribute('data-status')) === '5', 90000)
    step('ok: detail header follows the task status to 运行中 without a reload')

    // A deep link (or reload) of a job restores project and user in the header; 返回 lands on that project's jobs.
    await page.evaluate(() => localStorage.removeItem('streamis.project'))
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${orders.id}`)
    await page.reload()
    await page.getByTestId('detail-name').waitFor()
    await waitFor('project in header', async () => (await page.getByTestId('current-project').count()) > 0, 10000)
    check((await page.getByTestId('current-project').innerText()).includes('default'), 'deep link shows the project in the header')
    check((await page.getByTestId('current-user').innerText()).trim() === 'admin', 'deep link shows the user in the header')
    await page.getByTestId('detail-back').click()
    await page.getByTestId('job-table').waitFor()
    check(page.url().includes('projectName=default') && !page.url().includes('/projects'), `返回 lands on the project's job list (${page.url()})`)

    // Opened from DSS: the workspace entry's URL names the project, and the job center lands on it (no project
    // chosen in this browser before; the session is the one logged in above).
    await page.evaluate(() => localStorage.removeItem('streamis.project'))
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter?projectName=default&workspaceName=bdapWorkspace`)
    await page.getByTestId('job-table').waitFor()
    check(!page.url().includes('/projects'), `a DSS link stays on the job center (${page.url()})`)
    check((await page.getByTestId('current-project').innerText()).includes('default'), 'a DSS link opens the project it names')

    // A start refused by its inspection (restore points exist, none usable: state is never dropped silently) says
    // why in Chinese, below the header, until the user closes it.
    const b3 = await jobRow(page, 'e2e_b3')
    check((await api(page, 'GET', `/streamis/streamJobManager/job/stop?jobId=${b3.id}&snapshot=false`)).status === 0, 'e2e_b3 stopped')
    await waitFor('e2e_b3 stopped', async () => (await jobRow(page, 'e2e_b3'))?.status === 7, 60000)
    const points = []
    for (let p = 1; ; p++) {
      const d = (await api(page, 'GET', `/streamis/streamJobManager/job/snapshots?jobId=${b3.id}&pageNow=${p}&pageSize=50`)).data
      points.push(...d.snapshots)
      if (typeof d.total !== 'number' || points.length >= d.total || d.snapshots.length === 0) break
    }
    for (const pt of points) rmSync(path.join(pt.path.replace(/^file:\/*/, '/'), '_metadata'), { force: true })
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter`)
    await page.getByTestId('job-table').waitFor()
    expectedErrors = [/execute\/inspect/]
    await page.getByTestId('start-e2e_b3').click()
    const toast = page.locator('.sticky-error')
    await toast.waitFor()
    const toastText = await toast.innerText()
    check(toastText.includes('作业启动检查失败, 拒绝在无状态的情况下启动作业 e2e_b3'), `inspection refusal in Chinese ("${toastText.slice(0, 60)}")`)
    await page.waitForTimeout(7000)
    check(await toast.isVisible(), 'the refusal stays until closed')
    const toastTop = (await toast.boundingBox()).y
    check(toastTop >= (await page.locator('.header').boundingBox()).height, `the refusal does not cover the header (top ${toastTop})`)
    await toast.locator('.el-message__closeBtn').click()
    await toast.waitFor({ state: 'detached' })
    expectedErrors = []

    // Every page in Chinese, then in English.
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter`)
    await page.getByTestId('job-table').waitFor()
    await checkLanguage(page, 'zh', 'job list')
    await page.goto(`${BASE}/?n=${++navigations}#/projects`)
    await page.getByTestId('project-table').waitFor()
    await checkLanguage(page, 'zh', 'projects')
    await page.goto(`${BASE}/?n=${++navigations}#/projectResourceFiles`)
    await page.waitForLoadState('networkidle').catch(() => undefined)
    await checkLanguage(page, 'zh', 'resource files')
    await detailTabs(page, b1.id, 'zh')
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${orders.id}?tab=logs`)
    await page.getByTestId('log-lines').waitFor()
    for (const type of ['客户端日志', 'Flink 异常', 'JobManager 日志', 'TaskManager 日志']) {
      await page.getByTestId('log-type').click()
      await page.locator('.el-select-dropdown__item', { hasText: type }).click()
      await page.waitForTimeout(800)
      const logPath = await page.getByTestId('log-path').count() ? await page.getByTestId('log-path').innerText() : ''
      check(!logPath.includes('undefined'), `log path of ${type} has no "undefined" ("${logPath}")`)
      const lines = await page.getByTestId('log-lines').innerText()
      check(!/\{rootException=|\[object Object\]/.test(lines), `${type} shows lines, not a raw structure`)
      // Log lines are data (excluded from the dictionary check), but a page without a log says why in Chinese.
      check(!/This cluster keeps no|No log content is available|The cluster has no TaskManager|Flink reported no exception|exception history is not available/.test(lines),
        `${type}: a page without a log says why in Chinese ("${lines.slice(0, 50)}")`)
    }
    await inputOf(page, 'log-only').fill('no-such-keyword-anywhere')
    await inputOf(page, 'log-only').press('Enter')
    await waitFor('keyword filter applied', async () => !(await page.getByTestId('log-lines').innerText()).includes('---'), 10000)
    step('ok: Enter in 包含关键字 filters the log')

    await setLang(page, 'en')
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter`)
    await page.reload()
    await page.getByTestId('job-table').waitFor()
    const header = await page.locator('.el-table__header').first().innerText()
    check(header.includes('Job name') && header.includes('Version'), 'English job list headers')
    await checkLanguage(page, 'en', 'job list')
    await page.screenshot({ path: `${SHOTS}/job-center-en.png` })
    await page.locator('tr', { has: page.getByTestId('job-e2e_orders') }).getByTestId('version-link').click()
    await page.getByTestId('version-using').first().waitFor()
    await checkLanguage(page, 'en', 'version dialog')
    await page.keyboard.press('Escape')
    await page.goto(`${BASE}/?n=${++navigations}#/projects`)
    await page.getByTestId('project-table').waitFor()
    await checkLanguage(page, 'en', 'projects')
    await page.goto(`${BASE}/?n=${++navigations}#/projectResourceFiles`)
    await page.waitForLoadState('networkidle').catch(() => undefined)
    await checkLanguage(page, 'en', 'resource files')
    await detailTabs(page, b1.id, 'en')
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${orders.id}?tab=config`)
    await page.getByTestId('config-group-wds.linkis.flink.produce').waitFor()
    const form = await page.locator('.el-form').innerText()
    check(form.includes('Restart the job when it fails') && !form.includes('作业失败自动拉起开关'), 'config labels in English use the English names')
    await page.screenshot({ path: `${SHOTS}/config-en.png` })
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${b1.id}?tab=history`)
    await page.getByTestId('history-runtime').first().waitFor()
    check(/^\d+ (s|min \d+ s)$/.test((await page.getByTestId('history-runtime').last().innerText()).trim()), 'history run time in English')
    await page.screenshot({ path: `${SHOTS}/history-en.png` })
    await page.goto(`${BASE}/?n=${++navigations}#/login`)
    await page.getByTestId('login-submit').waitFor()
    await checkLanguage(page, 'en', 'login page')
    await setLang(page, 'zh-CN')

    // The audit log, from the header: the login, the bulk restart and each of its items are there.
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter`)
    await page.getByTestId('audit-link').click()
    await page.getByTestId('audit-table').waitFor()
    await waitFor('audit rows shown', async () => (await page.getByTestId('audit-table').innerText()).includes('批量操作中的作业'))
    const auditText = await page.getByTestId('audit-table').innerText()
    check(auditText.includes('批量启动') && auditText.includes('批量操作中的作业'), 'audit page lists the bulk restart and its items')
    await auditPage(page, 'zh')
    const logins = await api(page, 'GET', '/streamis/audit?action=LOGIN&user=admin')
    check(logins.data.totalPage >= 1 && logins.data.rows[0].outcome === 'OK', 'the login is audited')
    await page.screenshot({ path: `${SHOTS}/audit.png` })

    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${b1.id}?tab=snapshots`)
    await page.getByTestId('snapshot-table').locator('.el-table__body tr').first().waitFor()
    await page.screenshot({ path: `${SHOTS}/snapshots.png` })
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter/${orders.id}`)
    await page.getByTestId('metrics-table').waitFor({ timeout: 30000 }).catch(() => undefined)
    await page.waitForTimeout(6000)
    await checkLanguage(page, 'zh', 'job detail summary')
    await page.screenshot({ path: `${SHOTS}/job-detail.png` })

    // Alert channels: a webhook to a local receiver, test send from the page.
    const received = []
    const receiver = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => { received.push({ headers: req.headers, body }); res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{}') })
    })
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r))
    try {
      await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter`)
      await page.getByTestId('alert-channels-link').click()
      await page.getByTestId('add-channel').click()
      await inputOf(page, 'channel-name').fill('ops-webhook')
      await inputOf(page, 'channel-target').fill(`http://127.0.0.1:${receiver.address().port}/streamis`)
      await inputOf(page, 'channel-secret').fill('e2e-secret')
      await page.getByTestId('channel-save').click()
      await page.getByTestId('test-ops-webhook').waitFor()
      await page.getByTestId('test-ops-webhook').click()
      await waitFor('the test message', async () => received.length > 0, 15000)
      const msg = JSON.parse(received[0].body)
      check(msg.kind === 'TEST' && String(received[0].headers['x-streamis-signature']).startsWith('sha256='), 'signed test message received')
      await page.locator('.el-message--success').first().waitFor()
      await checkLanguage(page, 'zh', 'alert channels after a test send')
      await page.screenshot({ path: `${SHOTS}/alert-channels.png` })
    } finally {
      receiver.close()
    }

    // Failure diagnosis: a SQL job naming a connector that does not exist fails to start; the dialog explains it.
    const nope = `CREATE TABLE src (k INT) WITH ('connector'='nope');
CREATE TABLE snk (k INT) WITH ('connector'='blackhole');
INSERT INTO snk SELECT k FROM src;`
    await page.goto(`${BASE}/?n=${++navigations}#/realTimeJobCenter`)
    await page.locator('[data-testid=upload] input[type=file]').setInputFiles({ name: 'e2e_nope.zip', mimeType: 'application/zip', buffer: jobZip('e2e_nope', 'e2e', nope) })
    const nopeRow = await waitFor('e2e_nope listed', async () => jobRow(page, 'e2e_nope'))
    expectedErrors = [/\/job\/execute$/]
    const started = await api(page, 'POST', '/streamis/streamJobManager/job/execute', { jobId: nopeRow.id })
    expectedErrors = []
    check(started.status !== 0, 'the unknown connector fails the start')
    await inputOf(page, 'filter-name').fill('e2e_nope')
    await page.getByTestId('query').click()
    await page.locator('.reason').first().click()
    await page.getByTestId('diagnosis').waitFor()
    const explained = await page.getByTestId('diagnosis').innerText()
    const raw = await page.getByTestId('raw-error').innerText()
    const above = (await page.getByTestId('diagnosis').boundingBox()).y < (await page.getByTestId('raw-error').boundingBox()).y
    check(explained.includes('CONNECTOR_MISSING') && raw.includes('nope') && above, 'diagnosis shown above the raw error')
    await checkLanguage(page, 'zh', 'diagnosis dialog')
    await page.screenshot({ path: `${SHOTS}/failure-diagnosis.png` })
    await alertChannelsPage(page, 'zh')

    // The newer pages in English too.
    await setLang(page, 'en')
    await auditPage(page, 'en')
    await alertChannelsPage(page, 'en')
    await diagnosisDialog(page, 'en')
    await setLang(page, 'zh-CN')
  } catch (e) {
    // Where the run stopped: the page's address and what it showed (the stack alone does not say).
    console.error(`[e2e] stopped at ${page.url()}; console errors so far: ${consoleErrors.join(' | ')}`)
    console.error(`[e2e] page text: ${(await page.locator('body').innerText().catch(() => '')).slice(0, 600)}`)
    await page.screenshot({ path: path.join(tmpdir(), 'streamis-e2e-failure.png') }).catch(() => undefined)
    throw e
  } finally {
    await browser.close()
  }
  check(consoleErrors.length === 0, `no console errors or uncaught page errors${consoleErrors.length ? `:\n  ${consoleErrors.join('\n  ')}` : ''}`)
  if (failures > 0) {
    console.error(`[e2e] ${failures} check(s) failed`)
    process.exit(1)
  }
  step('all checks passed')
}

main().catch((e) => {
  console.error('[e2e] ERROR', e)
  process.exit(1)
})
