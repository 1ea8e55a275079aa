package io.streamis.jobmanager.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.streamis.common.error.StreamisException;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Parses meta.json strictly: invalid JSON and unknown top-level keys are errors naming the problem. */
@Component
public class MetaJsonParser {

    static final String ALLOWED_KEYS =
            "projectName, jobName, jobType, tags, description, comment, workspaceName, jobContent, jobConfig";

    private final ObjectReader reader;

    public MetaJsonParser(ObjectMapper json) {
        this.reader = json.readerFor(JobMeta.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public JobMeta parse(byte[] content) {
        try {
            JobMeta meta = reader.readValue(content);
            if (meta == null) {
                throw StreamisException.validation("meta.empty", "meta.json is empty");
            }
            return meta;
        } catch (UnrecognizedPropertyException e) {
            throw StreamisException.validation("meta.unknown-key", "meta.json has unknown top-level key '"
                    + e.getPropertyName() + "' (allowed: " + ALLOWED_KEYS + ")", e.getPropertyName(), ALLOWED_KEYS);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
            throw field.isEmpty() ? StreamisException.validation("meta.not-object", "meta.json: must be a JSON object")
                    : StreamisException.validation("meta.wrong-type", "meta.json: '" + field + "' has the wrong type",
                    field);
        } catch (JsonProcessingException e) {
            throw StreamisException.validation("meta.not-json", "meta.json is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e.getLocation().getLineNr());
        } catch (IOException e) {
            throw StreamisException.validation("meta.unreadable", "meta.json cannot be read");
        }
    }
}
