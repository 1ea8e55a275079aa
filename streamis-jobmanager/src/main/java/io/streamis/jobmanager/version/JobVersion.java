package io.streamis.jobmanager.version;

import java.time.LocalDateTime;

/** An immutable published version of a job ({@code v00001}, {@code v00002}, …). */
public record JobVersion(long id, long jobId, String version, int versionNo, String source, String jobContent,
                         String manageMode, String comment, LocalDateTime createTime, String createBy) {

    public static String format(int versionNo) {
        return String.format("v%05d", versionNo);
    }
}
