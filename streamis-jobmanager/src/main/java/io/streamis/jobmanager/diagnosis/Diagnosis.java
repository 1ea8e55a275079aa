package io.streamis.jobmanager.diagnosis;

/**
 * What a failure means: the matched pattern's code and texts (placeholders filled from the match) and the line
 * of the log or exception that matched.
 */
public record Diagnosis(String code, String type, String explanation, String solution, String explanationEn,
                        String solutionEn, String matched) {
}
