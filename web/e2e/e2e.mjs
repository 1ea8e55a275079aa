// End-to-end run in headless Debian chromium against a real Streamis server (embedded Flink, fresh H2).
// STREAMIS_URL and STREAMIS_ADMIN_PASSWORD select the server; screenshots go to ../docs/screenshots/.
import { chromium } from 'playwright-core'
import { zipSync, strToU8 } from 'fflate'
import { mkdirSync, mkdtempSync } from 'node:fs'
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
let failures = 0
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

async function main() {
  // A fresh profile per run; playwright takes it as the persistent context's directory.
  const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'streamis-chrome-')), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1500, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  })
  const page = await browser.newPage()
  page.on('pageerror', (e) => console.error('[browser]', e.message))
  try {
    await page.goto(`${BASE}/#/login`)
    await page.screenshot({ path: `${SHOTS}/login.png` })
    await inputOf(page, 'login-password').fill(PASSWORD)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('open-project-default').click()
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
    await page.screenshot({ path: `${SHOTS}/batch-progress.png` })
    for (const n of ['e2e_b1', 'e2e_b2', 'e2e_b3']) {
      const row = await waitFor(`${n} RUNNING again`, async () => { const r = await jobRow(page, n); return r?.status === 5 ? r : null })
      const h = await api(page, 'GET', `/streamis/streamJobManager/job/execute/history?jobId=${row.id}&pageNow=1&pageSize=2`)
      check(String(h.data.details[0].restoredFrom ?? '').includes('savepoint-'), `${n} restored from its new savepoint (${h.data.details[0].restoredFrom})`)
    }
    await page.keyboard.press('Escape')

    // A config value that breaks its rule shows the message and saves nothing.
    const orders = await jobRow(page, 'e2e_orders')
    await page.goto(`${BASE}/#/realTimeJobCenter/${orders.id}?tab=config`)
    const input = inputOf(page, 'config-wds.linkis.flink.app.parallelism')
    await input.waitFor()
    await input.fill('0')
    await page.getByTestId('config-save').click()
    await page.getByTestId('config-problem').first().waitFor()
    check((await page.getByTestId('config-problem').first().innerText()).includes('^([1-9][0-9]{0,1}|100)$'), 'rule message shown')
    await page.screenshot({ path: `${SHOTS}/config-rule.png` })
    const cfg = await api(page, 'GET', `/streamis/streamJobManager/config/json/${orders.id}`)
    check(cfg.data['wds.linkis.flink.resource']['wds.linkis.flink.app.parallelism'] === '1', 'nothing was saved')

    // The same page in English.
    await page.goto(`${BASE}/#/realTimeJobCenter`)
    await page.getByTestId('lang').click()
    await page.getByTestId('job-table').waitFor()
    const header = await page.locator('.el-table__header').first().innerText()
    check(header.includes('Job name') && header.includes('Version'), 'English job list headers')
    await page.screenshot({ path: `${SHOTS}/job-center-en.png` })
    await page.getByTestId('lang').click()

    // The audit log, from the header: the login, the bulk restart and each of its items are there.
    await page.goto(`${BASE}/#/realTimeJobCenter`)
    await page.getByTestId('audit-link').click()
    await page.getByTestId('audit-table').waitFor()
    await waitFor('audit rows shown', async () => (await page.getByTestId('audit-table').innerText()).includes('BULK_ITEM'))
    const auditText = await page.getByTestId('audit-table').innerText()
    check(auditText.includes('BULK_START') && auditText.includes('BULK_ITEM'), 'audit page lists the bulk restart and its items')
    const logins = await api(page, 'GET', '/streamis/audit?action=LOGIN&user=admin')
    check(logins.data.totalPage >= 1 && logins.data.rows[0].outcome === 'OK', 'the login is audited')
    await page.screenshot({ path: `${SHOTS}/audit.png` })

    await page.goto(`${BASE}/#/realTimeJobCenter/${orders.id}`)
    await page.getByTestId('metrics-table').waitFor({ timeout: 30000 }).catch(() => undefined)
    await page.waitForTimeout(6000)
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
      await page.goto(`${BASE}/#/realTimeJobCenter`)
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
      await page.screenshot({ path: `${SHOTS}/alert-channels.png` })
    } finally {
      receiver.close()
    }

    // Failure diagnosis: a SQL job naming a connector that does not exist fails to start; the dialog explains it.
    const nope = `CREATE TABLE src (k INT) WITH ('connector'='nope');
CREATE TABLE snk (k INT) WITH ('connector'='blackhole');
INSERT INTO snk SELECT k FROM src;`
    await page.goto(`${BASE}/#/realTimeJobCenter`)
    await page.locator('[data-testid=upload] input[type=file]').setInputFiles({ name: 'e2e_nope.zip', mimeType: 'application/zip', buffer: jobZip('e2e_nope', 'e2e', nope) })
    const nopeRow = await waitFor('e2e_nope listed', async () => jobRow(page, 'e2e_nope'))
    const started = await api(page, 'POST', '/streamis/streamJobManager/job/execute', { jobId: nopeRow.id })
    check(started.status !== 0, 'the unknown connector fails the start')
    await inputOf(page, 'filter-name').fill('e2e_nope')
    await page.getByTestId('query').click()
    await page.locator('.reason').first().click()
    await page.getByTestId('diagnosis').waitFor()
    const explained = await page.getByTestId('diagnosis').innerText()
    const raw = await page.getByTestId('raw-error').innerText()
    const above = (await page.getByTestId('diagnosis').boundingBox()).y < (await page.getByTestId('raw-error').boundingBox()).y
    check(explained.includes('CONNECTOR_MISSING') && raw.includes('nope') && above, 'diagnosis shown above the raw error')
    await page.screenshot({ path: `${SHOTS}/failure-diagnosis.png` })
  } finally {
    await browser.close()
  }
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
