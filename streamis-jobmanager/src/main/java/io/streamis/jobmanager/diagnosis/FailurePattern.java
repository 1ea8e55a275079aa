package io.streamis.jobmanager.diagnosis;

import java.time.LocalDateTime;

/** One row of the failure catalogue ({@code linkis_stream_error_code}): a regex and what a match means. */
public record FailurePattern(long id, String errorCode, String errorType, int priority, boolean enabled,
                             String errorRegex, String errorDesc, String solution, String errorDescEn,
                             String solutionEn, String updateBy, LocalDateTime updateTime) {
}
