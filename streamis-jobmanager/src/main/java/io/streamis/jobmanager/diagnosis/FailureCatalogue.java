package io.streamis.jobmanager.diagnosis;

import io.streamis.common.error.StreamisException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The failure catalogue: compiled patterns in priority order (re-read after an edit here, and at most every
 * {@link #REFRESH} for edits made by another server), matched line by line against what a failure left behind.
 */
@Service
public class FailureCatalogue {

    private static final Duration REFRESH = Duration.ofSeconds(30);
    /** Texts longer than this are cut before matching (a runaway log must not stall a request). */
    private static final int MAX_TEXT = 512 * 1024;

    private record Compiled(FailurePattern row, Pattern regex) {
    }

    private record Snapshot(List<Compiled> patterns, long loadedAt) {
    }

    private final FailurePatternMapper mapper;
    private volatile Snapshot snapshot;

    public FailureCatalogue(FailurePatternMapper mapper) {
        this.mapper = mapper;
    }

    public List<FailurePattern> all() {
        return mapper.selectAll();
    }

    /** {@link #diagnose(List)} of texts from one source. */
    public Optional<Diagnosis> diagnose(FailureSource source, List<String> texts) {
        return diagnose(texts.stream().map(source::of).toList());
    }

    /**
     * The first enabled pattern (by priority) that matches a line of any of {@code texts}, tried in the order
     * given: a more specific pattern wins whichever source it is found in. Patterns are matched per line: failure
     * messages are one line, and a group must not run on into the stack trace below it.
     */
    public Optional<Diagnosis> diagnose(List<FailureSource.Evidence> texts) {
        record Lines(FailureSource.Evidence from, String[] lines) {
        }
        List<Lines> all = new ArrayList<>();
        for (FailureSource.Evidence e : texts) {
            String text = e.text();
            if (text != null && !text.isBlank()) {
                all.add(new Lines(e, (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text).split("\\R")));
            }
        }
        for (Compiled c : patterns()) {
            for (Lines text : all) {
                for (String line : text.lines()) {
                    Matcher m = c.regex().matcher(line);
                    if (m.find()) {
                        return Optional.of(diagnosis(c.row(), m, line, text.from()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Diagnosis diagnosis(FailurePattern p, Matcher m, String line, FailureSource.Evidence from) {
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                groups.add(m.group(i));
            }
        }
        String matched = line.strip();
        return new Diagnosis(p.errorCode(), p.errorType(), fill(p.errorDesc(), groups), p.solution(),
                fill(p.errorDescEn(), groups), p.solutionEn(), matched.length() > 500
                        ? matched.substring(0, 500) + "…" : matched, from.source(), from.source().description(),
                from.where());
    }

    /** 0.3.x semantics: each {@code %s} takes the next matched group; missing ones read "?". */
    static String fill(String template, List<String> groups) {
        if (template == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int from = 0;
        int g = 0;
        for (int i = template.indexOf("%s"); i >= 0; i = template.indexOf("%s", from)) {
            sb.append(template, from, i).append(g < groups.size() ? groups.get(g++) : "?");
            from = i + 2;
        }
        return sb.append(template.substring(from)).toString();
    }

    public FailurePattern create(String admin, FailurePatternRequest r) {
        FailurePattern p = validated(0, admin, r);
        try {
            mapper.insert(p);
        } catch (DuplicateKeyException e) {
            throw StreamisException.conflict("pattern.code-exists", "A pattern with code " + r.errorCode()
                    + " exists already", r.errorCode());
        }
        snapshot = null;
        return mapper.selectById(mapper.idOf(p.errorCode()));
    }

    public FailurePattern update(long id, String admin, FailurePatternRequest r) {
        require(id);
        try {
            mapper.update(validated(id, admin, r));
        } catch (DuplicateKeyException e) {
            throw StreamisException.conflict("pattern.code-exists", "A pattern with code " + r.errorCode()
                    + " exists already", r.errorCode());
        }
        snapshot = null;
        return mapper.selectById(id);
    }

    public void delete(long id) {
        require(id);
        mapper.delete(id);
        snapshot = null;
    }

    private void require(long id) {
        if (mapper.selectById(id) == null) {
            throw StreamisException.notFound("pattern", "Failure pattern " + id + " does not exist", id);
        }
    }

    private static FailurePattern validated(long id, String admin, FailurePatternRequest r) {
        if (r.errorCode() == null || !r.errorCode().matches("[A-Za-z0-9_.-]{1,50}")) {
            throw StreamisException.validation("pattern.code",
                    "errorCode is required: 1-50 letters, digits, '_', '.' or '-'");
        }
        if (r.errorRegex() == null || r.errorRegex().isBlank() || r.errorRegex().length() > 1000) {
            throw StreamisException.validation("pattern.regex-required",
                    "errorRegex is required (at most 1000 characters)");
        }
        try {
            Pattern.compile(r.errorRegex());
        } catch (PatternSyntaxException e) {
            throw StreamisException.validation("pattern.regex-invalid", "errorRegex does not compile: "
                    + e.getDescription() + " near index " + e.getIndex(), e.getDescription(), e.getIndex());
        }
        if (r.errorDesc() == null || r.errorDesc().isBlank()) {
            throw StreamisException.validation("pattern.desc-required",
                    "errorDesc (the explanation) is required");
        }
        return new FailurePattern(id, r.errorCode(), r.errorType(), r.priority() == null ? 100 : r.priority(),
                r.enabled() == null || r.enabled(), r.errorRegex(), r.errorDesc(), r.solution(), r.errorDescEn(),
                r.solutionEn(), admin, LocalDateTime.now());
    }

    private List<Compiled> patterns() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.loadedAt() > REFRESH.toMillis()) {
            List<Compiled> compiled = new ArrayList<>();
            for (FailurePattern p : mapper.selectAll()) {
                if (!p.enabled()) {
                    continue;
                }
                try {
                    compiled.add(new Compiled(p, Pattern.compile(p.errorRegex())));
                } catch (PatternSyntaxException e) {
                    // A row edited straight in the database may not compile; it is skipped, the others still work.
                }
            }
            s = new Snapshot(List.copyOf(compiled), System.currentTimeMillis());
            snapshot = s;
        }
        return s.patterns();
    }
}
