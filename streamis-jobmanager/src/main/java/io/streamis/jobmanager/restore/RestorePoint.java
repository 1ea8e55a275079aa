package io.streamis.jobmanager.restore;

import io.streamis.launcher.state.StateKind;

/**
 * One restore point the platform learnt of: a row of {@code linkis_stream_restore_point}, written once.
 *
 * @param taskId        the run that produced it (for a user's path: the run that restored from it)
 * @param origin        {@link Origin#wire()}
 * @param completedTime completion time in ms (0 when unknown)
 * @param sizeBytes     state size as Flink reported it, when known
 * @param jobVersion    the job version whose run produced it
 */
public record RestorePoint(long id, long jobId, Long taskId, StateKind kind, String origin, String path,
                           Long checkpointId, long completedTime, Long sizeBytes, String jobVersion) {

    /** Why the platform knows of a point. The wire names are the 0.3.x-era {@code jobStates[].origin} values. */
    public enum Origin {
        PERIODIC("periodic"), STOP("stop"), MANUAL("manual"), USER("user"), MIGRATED("carried");

        private final String wire;

        Origin(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
