export default {
  app: { title: 'Streamis 流式作业中心', logout: '退出登录', language: 'English', project: '项目', leader: '主节点 {node}（自 {since}）', leaderHint: '负责监控、重启和恢复作业的节点；每个节点都提供本页面' },
  login: { title: '登录 Streamis', user: '用户名', password: '密码', submit: '登录', failed: '登录失败: {message}' },
  audit: { title: '审计日志', time: '时间', user: '用户', address: '来源地址', jobId: '作业 ID', action: '操作', outcome: '结果', ok: '成功', error: '失败', detail: '详情', from: '开始时间', to: '结束时间' },
  projects: { title: '选择项目', empty: '你还没有任何项目的权限', open: '进入', privileges: '权限' },
  status: { 0: '未启动', 1: '已完成', 2: '等待重启', 3: '告警', 4: '慢任务', 5: '运行中', 6: '失败', 7: '已停止', 8: '启动中', 9: '停止中', 10: '失联' },
  jobs: {
    title: '流式作业', name: '作业名称', status: '状态', enable: '启用状态', type: '作业类型', label: '标签', version: '版本',
    lastRelease: '最近发布人', lastReleaseTime: '最近发布时间', description: '描述', operation: '操作',
    query: '查询', reset: '重置', all: '全部', enabled: '已启用', disabled: '已禁用', upload: '上传作业包',
    uploaded: '作业已导入: {version}', start: '启动', stop: '停止', stopDirect: '直接停止', stopSnapshot: '快照并停止',
    snapshot: '快照', snapshotDone: '快照已生成: {path}', config: '配置', detail: '详情', failureReason: '查看失败原因',
    batch: '批量操作', exitBatch: '退出批量', snapshotRestart: '快照重启', directRestart: '直接重启', batchStart: '启动',
    batchStop: '停止', batchStopSnapshot: '快照停止', editLabels: '修改标签', disable: '禁用', enableJobs: '启用',
    selectFirst: '请先选择作业', labelPrompt: '新标签 (逗号分隔)', labelRule: '标签只能包含字母、数字、下划线、逗号和点',
    started: '作业 {name} 正在启动', stopped: '作业 {name} 已停止', done: '操作成功', total: '共 {total} 条',
    errorTitle: '失败原因'
  },
  versions: { title: '版本列表', jobId: '作业ID', version: '版本', state: '版本状态', using: '使用中', none: '---', description: '描述', createTime: '创建时间', creator: '创建人' },
  startHint: {
    title: '作业启动确认',
    version: '确定以最新发布版本: {now} 启动作业{name}?(上次启动版本: {last})',
    snapshot: '确定使用如下快照恢复作业 {name}',
    snapshotInfo: '来源: {origin}, 版本: {version}, 距今: {age}',
    list: '目标集群上已有同名作业在运行: {apps}',
    restoreOff: '作业 {name} 未开启启动自恢复，启动时不会恢复状态，但存在可用的快照/检查点。直接启动，或从最新的恢复点启动：',
    restoreNewest: '从最新恢复点启动',
    highAvailable: '主备一致性检查不通过：{msg}',
    inspectFailed: '作业启动检查失败, {message}',
    batchConfirm: '确认所有批量作业',
    confirm: '确定',
    cancel: '取消'
  },
  progress: { state: { PENDING: '排队中', RUNNING: '进行中', SUCCEEDED: '成功', FAILED: '失败' }, title: '批量操作进度', stopping: '停止中', starting: '启动中', finished: '已完成', stopDone: '停止已完成', startDone: '启动已完成', summary: '成功 {ok} 个，失败 {failed} 个', done: '{done}/{total}', success: '成功', failed: '失败', pauseFailed: '有作业停止失败，未继续启动' },
  detail: {
    flinkConf: '本次运行的 Flink 配置', confKey: '配置项', confValue: '值', droppedKeys: '以下参数未定义，已过滤：{keys}', notApplied: '以下配置不适用于会话集群，已记录但未生效', path: '路径', id: 'ID', back: '返回', summary: '运行情况', history: '执行历史', config: '配置', content: '作业内容', snapshots: '检查点与快照', alerts: '告警', logs: '日志',
    flinkJob: 'Flink 作业', cluster: '集群', webUi: '打开 Flink UI', vertex: '算子', parallelism: '并行度', recordsIn: '输入条数', recordsOut: '输出条数',
    rateIn: '输入速率(条/秒)', rateOut: '输出速率(条/秒)', checkpoints: '检查点', completed: '成功', failedCount: '失败', restored: '恢复自',
    recordsChart: '吞吐 (条/秒)', checkpointChart: '检查点耗时 (ms) 与大小 (字节)', notRunning: '作业未在运行', taskId: '任务ID', startTime: '开始时间',
    endTime: '结束时间', runTime: '运行时长', stopCause: '停止原因', startConfig: '启动配置', download: '下载', view: '查看', cause: '启动原因',
    kind: '类型', origin: '来源', unusable: '不可用原因', age: '距今', size: '大小', usable: '可用', startFromHere: '从此处启动', yes: '是', no: '否',
    level: '级别', message: '信息', time: '时间', logType: '日志类型', only: '包含关键字', ignore: '排除关键字', prev: '上一页', next: '下一页', latest: '最新日志',
    sql: 'SQL', mainJar: '主程序包', mainClass: '主类', args: '程序参数', saveArgs: '保存参数 (生成新版本)', argsInvalid: '参数必须是字符串 JSON 数组',
    dependencies: '依赖包', resources: '资源文件', save: '保存', saved: '已保存', template: '(模板)', copyFrom: '从其他作业复制配置',
    copyPrompt: '源作业 ID', addKey: '添加参数', key: '参数名', value: '参数值', duplicateKey: '参数名重复: {key}', emptyKey: '参数名不能为空',
    required: '{name} 为必填项', ruleBroken: '{name} 不符合规则 {rule}'
  },
  alerts: {
    title: '告警通道', add: '新增通道', edit: '编辑', test: '测试发送', name: '名称', type: '类型', target: '地址',
    targetUrl: 'Webhook 地址（https://…）', targetEmail: '邮箱地址，逗号分隔', minLevel: '最低级别', secret: '签名密钥',
    secretHint: '可选：Webhook 的 HMAC 密钥、钉钉加签密钥、飞书签名校验密钥', secretKept: '留空则保留已保存的密钥',
    testOk: '测试消息已发送到 {name}（{ms} 毫秒）', testFailed: '向 {name} 测试发送失败', confirmDelete: '删除告警通道 {name}？',
    hint: '本项目所有作业的告警都会发送到这些通道：事件开始时发送一次，恢复时再发送一次；发送失败会自动重试。',
    types: { WEBHOOK: 'Webhook（JSON）', EMAIL: '邮件', WECOM: '企业微信机器人', DINGTALK: '钉钉机器人', FEISHU: '飞书机器人' }
  },
  diagnosis: { solution: '建议处理：', matched: '匹配内容：', none: '没有匹配到已知的失败模式，以下是原始错误。', raw: '原始错误' },
  enums: {
    origin: { scan: '存储扫描', periodic: '周期检查点', stop: '停止时快照', carried: '沿用', manual: '手动快照', user: '用户指定', shutdown: '服务停止时快照' },
    kind: { CHECKPOINT: '检查点', SAVEPOINT: '快照', USER: '用户指定' },
    privilege: { RELEASE: '发布', EDIT: '编辑', ACCESS: '查看' },
    cause: { USER: '用户启动', BULK: '批量操作', AUTO_RESTART: '自动拉起', RECOVERY: '服务恢复' },
    reason: { refused: '曾导致启动失败', missing: '存储中已不存在', 'no-metadata': '不完整(无 _metadata)', 'empty-metadata': '不完整(_metadata 为空)', unreadable: '无法读取', 'other-version': '来自其他版本', poisoned: '曾导致启动失败', 'other-cluster': '位于其他集群', expired: '已过期' },
    logType: { client: '客户端日志', flink: 'Flink 异常', jobmanager: 'JobManager 日志', taskmanager: 'TaskManager 日志' }
  },
  units: { seconds: '{s} 秒', minutes: '{m} 分 {s} 秒', hours: '{h} 小时 {m} 分', days: '{d} 天 {h} 小时' },
  chart: { in: '输入', out: '输出', duration: '耗时', size: '大小', ms: '毫秒', bytes: '字节' },
  files: { title: '工程资源文件', fileName: '文件名', version: '版本', creator: '创建人', createTime: '创建时间', updateTime: '更新时间', md5: 'MD5', comment: '描述', upload: '上传', overwrite: '覆盖已有版本', delete: '删除', download: '下载', versionRule: '版本只能包含数字和点', versions: '版本' }
}
