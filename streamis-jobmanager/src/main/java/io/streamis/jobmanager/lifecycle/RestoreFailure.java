package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.Text;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why a start from a restore point failed, decided from the failure's cause, not from whether the message merely
 * mentions a checkpoint. Only a broken point (missing, corrupt or unreadable files) is the point's fault; a program
 * that cannot take the point's state is the new version's fault, and stepping back to older state there would
 * silently reprocess data.
 */
public enum RestoreFailure {

    /** The point's files are missing, corrupt or unreadable: mark it unusable and try the next one. */
    BROKEN_POINT(true),
    /** The point is fine but the new program has no operator for some of its state (changed topology/uids). */
    INCOMPATIBLE_PROGRAM(false),
    /** Anything else (no slots, user code errors, ...): the point is not to blame. */
    OTHER(false);

    // Flink's own words when state has no operator to go to (Checkpoints/StateAssignmentOperation); the CLI hint
    // names allowNonRestoredState; a changed max parallelism is the program's too. Checked first: these messages also mention "checkpoint" and "savepoint".
    private static final Pattern INCOMPATIBLE = Pattern.compile(
            "(?i)(cannot map (checkpoint/savepoint )?state for operator|allownonrestoredstate"
                    + "|max parallelism mismatch between checkpoint/savepoint state and new program)");
    // A point whose files cannot be read: missing metadata, garbage where the metadata should be, truncated files.
    private static final Pattern BROKEN = Pattern.compile(
            "(?i)(FileNotFoundException|NoSuchFileException|EOFException|_metadata|magic number|could not read"
                    + "|cannot find checkpoint or savepoint|IOException[^\\n]*(checkpoint|savepoint))");

    private final boolean stepsBack;

    RestoreFailure(boolean stepsBack) {
        this.stepsBack = stepsBack;
    }

    /** Whether the start should mark the point unusable and step back to an older one. */
    public boolean stepsBack() {
        return stepsBack;
    }

    /** What a start that hit {@link #INCOMPATIBLE_PROGRAM} tells the user (synchronous and deployed starts alike). */
    public static String incompatibleMessage(String job, String version, String path, String reason) {
        return incompatibleText(job, version, path, reason).english();
    }

    /** {@link #incompatibleMessage} with its key (the reason, Flink's or the platform's words, is an argument). */
    public static Text incompatibleText(String job, String version, String path, String reason) {
        return StartFailure.INCOMPATIBLE.text(job, version, path, reason);
    }

    /** Classifies Flink's failure text, e.g. the root exception of {@code /jobs/:id/exceptions}. */
    public static RestoreFailure of(String failure) {
        if (failure == null || failure.isBlank()) {
            return OTHER;
        }
        if (INCOMPATIBLE.matcher(failure).find()) {
            return INCOMPATIBLE_PROGRAM;
        }
        return BROKEN.matcher(failure).find() ? BROKEN_POINT : OTHER;
    }

    /** Classifies a thrown failure by walking its cause chain: exception types first, then their messages. */
    public static RestoreFailure of(Throwable failure) {
        StringBuilder text = new StringBuilder();
        boolean unreadable = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            text.append(t).append('\n');
            unreadable |= t instanceof FileNotFoundException || t instanceof NoSuchFileException
                    || t instanceof EOFException
                    || t instanceof IOException && mentionsState(t.getMessage());
        }
        RestoreFailure byText = of(text.toString());
        if (byText == INCOMPATIBLE_PROGRAM) {
            return byText;
        }
        return unreadable ? BROKEN_POINT : byText;
    }

    private static boolean mentionsState(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("checkpoint") || m.contains("savepoint");
    }
}
