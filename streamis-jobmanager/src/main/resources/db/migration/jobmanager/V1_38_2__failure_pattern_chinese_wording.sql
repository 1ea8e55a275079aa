-- Chinese wording for English words left in the seeded Chinese texts of V1_33_3 ("Direct buffer", "Metaspace",
-- checkpoint -> 检查点, savepoint -> 快照, slot -> 槽位, as the UI says them). Names stay as written: config keys,
-- classes, Flink components (TaskManager), products and the Flink UI's BackPressure tab. A row is changed only
-- while it still holds the seeded text, so an admin's own edit is kept.
UPDATE linkis_stream_error_code SET error_desc = '恢复失败：状态的类型或序列化器与快照不兼容（例如改动了状态类、POJO 字段或键的类型）。'
 WHERE error_code = 'STATE_INCOMPATIBLE'
   AND error_desc = '恢复失败：状态的类型或序列化器与快照不兼容（例如改动了状态类、POJO 字段或 key 类型）。';
UPDATE linkis_stream_error_code SET error_desc = '找不到连接器/格式 ''%s''：运行环境的类路径中没有实现 %s 的工厂。'
 WHERE error_code = 'CONNECTOR_MISSING'
   AND error_desc = '找不到连接器/格式 ''%s''：运行环境的 classpath 中没有实现 %s 的工厂。';
UPDATE linkis_stream_error_code SET solution = '调大 TaskManager 内存（wds.linkis.flink.taskmanager.memory）或减少每个 TaskManager 的槽位数；检查状态是否放在堆上（改用 RocksDB）以及窗口/聚合是否无限增长（设置状态 TTL）。'
 WHERE error_code = 'OOM_HEAP'
   AND solution = '调大 TaskManager 内存（wds.linkis.flink.taskmanager.memory）或减少每个 TaskManager 的 slot；检查状态是否放在堆上（改用 RocksDB）以及窗口/聚合是否无限增长（设置状态 TTL）。';
UPDATE linkis_stream_error_code SET error_desc = '内存溢出：元空间不足，通常由反复加载用户类（作业多次重启或类加载泄漏）引起。'
 WHERE error_code = 'OOM_METASPACE'
   AND error_desc = '内存溢出：Metaspace 不足，通常由反复加载用户类（作业多次重启或类加载泄漏）引起。';
UPDATE linkis_stream_error_code SET error_desc = '内存溢出：直接内存不足，常见于网络缓冲或使用堆外内存的连接器。'
 WHERE error_code = 'OOM_DIRECT'
   AND error_desc = '内存溢出：直接内存（Direct buffer）不足，常见于网络缓冲或使用堆外内存的连接器。';
UPDATE linkis_stream_error_code SET solution = '调大 TaskManager 进程内存，或提高 taskmanager.memory.jvm-overhead.fraction / 托管内存比例，限制 RocksDB 内存（state.backend.rocksdb.memory.managed=true）。'
 WHERE error_code = 'OOM_CONTAINER'
   AND solution = '调大 TaskManager 进程内存，或提高 taskmanager.memory.jvm-overhead.fraction / managed 内存比例，限制 RocksDB 内存（state.backend.rocksdb.memory.managed=true）。';
UPDATE linkis_stream_error_code SET error_desc = '检查点超时：在 execution.checkpointing.timeout 内没有完成，常见原因是反压或状态过大。'
 WHERE error_code = 'CHECKPOINT_TIMEOUT'
   AND error_desc = 'Checkpoint 超时：在 execution.checkpointing.timeout 内没有完成，常见原因是反压或状态过大。';
UPDATE linkis_stream_error_code SET solution = '先处理反压（在 Flink UI 的 BackPressure 页查看），再考虑启用非对齐检查点（execution.checkpointing.unaligned）、增量检查点（RocksDB）或调大超时。'
 WHERE error_code = 'CHECKPOINT_TIMEOUT'
   AND solution = '先处理反压（查看 Flink UI 的 BackPressure），再考虑启用非对齐 checkpoint（execution.checkpointing.unaligned）、增量 checkpoint（RocksDB）或调大超时。';
UPDATE linkis_stream_error_code SET error_desc = '检查点被拒绝或连续失败次数超过了容忍阈值，作业因此失败。'
 WHERE error_code = 'CHECKPOINT_DECLINED'
   AND error_desc = 'Checkpoint 被拒绝或连续失败次数超过了容忍阈值，作业因此失败。';
UPDATE linkis_stream_error_code SET solution = '查看 TaskManager 日志中检查点失败的具体原因（存储不可写、任务未运行、反压）；必要时调大 execution.checkpointing.tolerable-failed-checkpoints。'
 WHERE error_code = 'CHECKPOINT_DECLINED'
   AND solution = '查看 TaskManager 日志中 checkpoint 失败的具体原因（存储不可写、任务未运行、反压）；必要时调大 execution.checkpointing.tolerable-failed-checkpoints。';
UPDATE linkis_stream_error_code SET error_desc = 'Kafka 认证或授权失败（SASL 凭据错误，或该用户无权访问主题/消费组）。'
 WHERE error_code = 'KAFKA_AUTH'
   AND error_desc = 'Kafka 认证或授权失败（SASL 凭据错误，或该用户无权访问 topic/消费组）。';
UPDATE linkis_stream_error_code SET solution = '检查 properties.security.protocol、properties.sasl.mechanism 与 properties.sasl.jaas.config；让 Kafka 管理员为该用户授予主题和消费组的读写 ACL。'
 WHERE error_code = 'KAFKA_AUTH'
   AND solution = '检查 properties.security.protocol、properties.sasl.mechanism 与 properties.sasl.jaas.config；让 Kafka 管理员为该用户授予 topic 和 group 的读写 ACL。';
UPDATE linkis_stream_error_code SET error_desc = 'HDFS 权限不足：用户 %s 无权访问所需的目录（常见于检查点/快照目录）。'
 WHERE error_code = 'HDFS_PERMISSION'
   AND error_desc = 'HDFS 权限不足：用户 %s 无权访问所需的目录（常见于 checkpoint/savepoint 目录）。';
UPDATE linkis_stream_error_code SET solution = '让 HDFS 管理员授予该用户对检查点/快照目录的读写权限，或以有权限的用户运行作业。'
 WHERE error_code = 'HDFS_PERMISSION'
   AND solution = '让 HDFS 管理员授予该用户对 checkpoint/savepoint 目录的读写权限，或以有权限的用户运行作业。';
UPDATE linkis_stream_error_code SET error_desc = '资源不足：集群（或 YARN 队列）无法提供作业要求的槽位/容器资源。'
 WHERE error_code = 'YARN_RESOURCES'
   AND error_desc = '资源不足：集群（或 YARN 队列）无法提供作业要求的 slot/容器资源。';
