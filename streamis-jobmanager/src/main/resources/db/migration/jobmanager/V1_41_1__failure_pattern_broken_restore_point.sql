-- A broken restore point (corrupt or missing _metadata): the most common restore failure had no explanation, so a
-- deployed start that died on it showed only "AM Container exited with exitCode: 2". Before the state patterns of
-- V1_33_3 that mention checkpoints too (priority 12, after the program's own incompatibilities at 10 and 11).
INSERT INTO linkis_stream_error_code (error_code, error_type, priority, error_regex, error_desc, solution, error_desc_en, solution_en) VALUES
('STATE_POINT_BROKEN', 'STATE', 12,
 'Unexpected magic number. This can have multiple reasons|Cannot find checkpoint or savepoint file/directory|Could not find _metadata|_metadata[^ ]* (does not exist|not found)',
 '恢复失败：恢复点已损坏或不存在（_metadata 文件不可读或缺失），Flink 无法从中恢复状态。',
 '平台自己选择的恢复点被拒绝后会标记为不可用，并自动退回到上一个恢复点（最多两次，绝不以空状态启动）；用户指定的路径不会被替换：检查该路径下的文件是否完整，或在快照页选择另一个恢复点。文件修复后，可在快照页清除拒绝标记。',
 'Restore failed: the restore point is corrupt or missing (its _metadata file cannot be read or is gone), so Flink cannot restore state from it.',
 'A restore point the platform chose is marked refused and the start steps back to the previous one (at most twice, never to empty state); a path a user chose is not replaced: check that its files are complete, or choose another restore point on the snapshots tab. Once the files are repaired, clear the refusal mark there.');
