export default {
  app: { title: 'Streamis Stream Job Center', logout: 'Log out', language: '中文', project: 'Project', leader: 'Leader {node} since {since}', leaderHint: 'The node that monitors, restarts and recovers jobs; every node serves this page' },
  login: { title: 'Log in to Streamis', user: 'User name', password: 'Password', submit: 'Log in', failed: 'Login failed: {message}' },
  audit: { title: 'Audit log', time: 'Time', user: 'User', address: 'From', jobId: 'Job ID', action: 'Action', outcome: 'Outcome', ok: 'OK', error: 'Error', detail: 'Detail', from: 'From time', to: 'To time' },
  projects: { title: 'Choose a project', empty: 'You have no privilege on any project yet', open: 'Open', privileges: 'Privileges' },
  status: { 0: 'Not started', 1: 'Completed', 2: 'Wait for restart', 3: 'Alert', 4: 'Slow task', 5: 'Running', 6: 'Failed', 7: 'Stopped', 8: 'Starting', 9: 'Stopping', 10: 'Lost' },
  jobs: {
    title: 'Stream jobs', name: 'Job name', status: 'Status', enable: 'Enabled', type: 'Job type', label: 'Labels', version: 'Version',
    lastRelease: 'Last released by', lastReleaseTime: 'Last release time', description: 'Description', operation: 'Operation',
    query: 'Query', reset: 'Reset', all: 'All', enabled: 'Enabled', disabled: 'Disabled', upload: 'Upload job package',
    uploaded: 'Job imported: {version}', start: 'Start', stop: 'Stop', stopDirect: 'Stop directly', stopSnapshot: 'Snapshot and stop',
    snapshot: 'Snapshot', snapshotDone: 'Snapshot taken: {path}', config: 'Config', detail: 'Detail', failureReason: 'View failure reason',
    batch: 'Batch operation', exitBatch: 'Exit batch', snapshotRestart: 'Snapshot restart', directRestart: 'Direct restart', batchStart: 'Start',
    batchStop: 'Stop', batchStopSnapshot: 'Stop with snapshot', editLabels: 'Edit labels', disable: 'Disable', enableJobs: 'Enable',
    selectFirst: 'Select jobs first', labelPrompt: 'New labels (comma separated)', labelRule: 'Labels may contain letters, digits, underscores, commas and dots only',
    started: 'Job {name} is starting', stopped: 'Job {name} stopped', done: 'Done', total: '{total} in total',
    errorTitle: 'Failure reason'
  },
  versions: { title: 'Versions', jobId: 'Job ID', version: 'Version', state: 'Version status', using: 'Using', none: '---', description: 'Description', createTime: 'Created', creator: 'Creator' },
  startHint: {
    title: 'Job start confirmation',
    version: 'Start job {name} with the latest published version {now}? (last started version: {last})',
    snapshot: 'Restore job {name} from the following snapshot?',
    snapshotInfo: 'Origin: {origin}, version: {version}, age: {age}',
    list: 'Jobs with the same name already run on the target cluster: {apps}',
    restoreOff: 'Job {name} restores nothing at start (auto-restore is OFF), but restore points exist. Start empty, or restore from the newest point:',
    restoreNewest: 'Restore from newest point',
    highAvailable: 'High-availability check failed: {msg}',
    inspectFailed: 'Job start inspection failed, {message}',
    batchConfirm: 'Confirm all the jobs',
    confirm: 'Confirm',
    cancel: 'Cancel'
  },
  progress: { state: { PENDING: 'Queued', RUNNING: 'In progress', SUCCEEDED: 'Succeeded', FAILED: 'Failed' }, title: 'Batch progress', stopping: 'Stopping', starting: 'Starting', finished: 'Finished', stopDone: 'Stop finished', startDone: 'Start finished', summary: '{ok} succeeded, {failed} failed', done: '{done}/{total}', success: 'Succeeded', failed: 'Failed', pauseFailed: 'Some jobs failed to stop; nothing was started' },
  detail: {
    flinkConf: 'Flink configuration of this run', confKey: 'Key', confValue: 'Value', droppedKeys: 'Not kept (not defined in their group): {keys}', notApplied: 'These settings do not apply to a session cluster; recorded, not applied', path: 'Path', id: 'ID', back: 'Back', summary: 'Summary', history: 'History', config: 'Config', content: 'Job content', snapshots: 'Checkpoints & savepoints', alerts: 'Alerts', logs: 'Logs',
    flinkJob: 'Flink job', cluster: 'Cluster', webUi: 'Open Flink UI', vertex: 'Operator', parallelism: 'Parallelism', recordsIn: 'Records in', recordsOut: 'Records out',
    rateIn: 'In (records/s)', rateOut: 'Out (records/s)', checkpoints: 'Checkpoints', completed: 'Completed', failedCount: 'Failed', restored: 'Restored from',
    recordsChart: 'Throughput (records/s)', checkpointChart: 'Checkpoint duration (ms) and size (bytes)', notRunning: 'The job is not running', taskId: 'Task ID', startTime: 'Start time',
    endTime: 'End time', runTime: 'Run time', stopCause: 'Stop cause', startConfig: 'Start config', download: 'Download', view: 'View', cause: 'Start cause',
    kind: 'Kind', origin: 'Origin', unusable: 'Why not usable', age: 'Age', size: 'Size', usable: 'Usable', startFromHere: 'Start from here', yes: 'Yes', no: 'No',
    level: 'Level', message: 'Message', time: 'Time', logType: 'Log type', only: 'Only keywords', ignore: 'Ignore keywords', prev: 'Previous', next: 'Next', latest: 'Latest',
    sql: 'SQL', mainJar: 'Main jar', mainClass: 'Main class', args: 'Program args', saveArgs: 'Save args (creates a version)', argsInvalid: 'Args must be a JSON array of strings',
    dependencies: 'Dependency jars', resources: 'Resources', save: 'Save', saved: 'Saved', template: '(template)', copyFrom: 'Copy config from another job',
    copyPrompt: 'Source job ID', addKey: 'Add parameter', key: 'Key', value: 'Value', duplicateKey: 'Duplicate key: {key}', emptyKey: 'Keys must not be empty',
    required: '{name} is required', ruleBroken: '{name} does not match the rule {rule}'
  },
  alerts: {
    title: 'Alert channels', add: 'Add channel', edit: 'Edit', test: 'Test send', name: 'Name', type: 'Type', target: 'Target',
    targetUrl: 'Webhook URL (https://…)', targetEmail: 'E-mail addresses, comma separated', minLevel: 'Minimum level', secret: 'Signing secret',
    secretHint: 'Optional: HMAC secret (webhook), 加签 secret (DingTalk), signature key (Feishu)', secretKept: 'Leave empty to keep the stored secret',
    testOk: 'Test message delivered to {name} in {ms} ms', testFailed: 'Test send to {name} failed', confirmDelete: 'Delete alert channel {name}?',
    hint: 'Alerts of every job in this project go to these channels: one message when an incident opens and one when it is resolved; failed deliveries are retried.',
    types: { WEBHOOK: 'Webhook (JSON)', EMAIL: 'E-mail', WECOM: 'WeCom robot', DINGTALK: 'DingTalk robot', FEISHU: 'Feishu/Lark bot' }
  },
  diagnosis: { solution: 'Suggested fix:', matched: 'Matched:', none: 'No known failure pattern matched; the raw error follows.', raw: 'Raw error' },
  enums: {
    origin: { scan: 'found on storage', periodic: 'periodic', stop: 'at stop', carried: 'carried over', manual: 'manual', user: 'chosen by user', shutdown: 'at server shutdown' },
    kind: { CHECKPOINT: 'Checkpoint', SAVEPOINT: 'Savepoint', USER: 'User-chosen' },
    privilege: { RELEASE: 'Release', EDIT: 'Edit', ACCESS: 'View' },
    cause: { USER: 'User', BULK: 'Batch operation', AUTO_RESTART: 'Automatic restart', RECOVERY: 'Server recovery' },
    reason: { refused: 'refused by a failed start', missing: 'missing on storage', 'no-metadata': 'incomplete (no _metadata)', 'empty-metadata': 'incomplete (empty _metadata)', unreadable: 'unreadable', 'other-version': 'from another version', poisoned: 'broke a start', 'other-cluster': 'on another cluster', expired: 'expired' },
    logType: { client: 'Client', flink: 'Flink exceptions', jobmanager: 'JobManager', taskmanager: 'TaskManager' }
  },
  units: { seconds: '{s} s', minutes: '{m} min {s} s', hours: '{h} h {m} min', days: '{d} d {h} h' },
  chart: { in: 'in', out: 'out', duration: 'duration', size: 'size', ms: 'ms', bytes: 'bytes' },
  files: { title: 'Project resource files', fileName: 'File name', version: 'Version', creator: 'Creator', createTime: 'Created', updateTime: 'Updated', md5: 'MD5', comment: 'Comment', upload: 'Upload', overwrite: 'Overwrite an existing version', delete: 'Delete', download: 'Download', versionRule: 'Versions contain digits and dots only', versions: 'Versions' }
}
