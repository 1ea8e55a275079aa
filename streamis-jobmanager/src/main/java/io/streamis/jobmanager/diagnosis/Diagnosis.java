package io.streamis.jobmanager.diagnosis;

/**
 * What a failure means: the matched pattern's code and texts (placeholders filled from the match), the line of
 * the log or exception that matched, which {@code source} it came from (with its English {@code sourceText}),
 * and where that source can be read in full ({@code sourcePath}, e.g. the {@code yarn logs} command; may be
 * null).
 */
public record Diagnosis(String code, String type, String explanation, String solution, String explanationEn,
                        String solutionEn, String matched, FailureSource source, String sourceText,
                        String sourcePath) {
}
