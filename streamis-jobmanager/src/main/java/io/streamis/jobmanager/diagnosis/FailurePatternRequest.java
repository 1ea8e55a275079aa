package io.streamis.jobmanager.diagnosis;

/** Body of a pattern create or update (admins). Texts: Chinese in errorDesc/solution, English in the *En ones. */
public record FailurePatternRequest(String errorCode, String errorType, Integer priority, Boolean enabled,
                                    String errorRegex, String errorDesc, String solution, String errorDescEn,
                                    String solutionEn) {
}
