package io.streamis.jobmanager.alert.channel;

import com.fasterxml.jackson.databind.JsonNode;

/** Chat robots answer HTTP 200 even when they refuse: the refusal is a non-zero code in the JSON body. */
final class ChatAnswers {

    private ChatAnswers() {
    }

    static void requireZero(JsonNode answer, String codeField, String messageField, String who) {
        JsonNode code = answer.path(codeField);
        if (code.isMissingNode() || code.asLong(-1) != 0) {
            throw HttpPoster.failed(who + " refused the message: " + codeField + "="
                    + (code.isMissingNode() ? "absent" : code.asText()) + " " + answer.path(messageField).asText(""));
        }
    }
}
