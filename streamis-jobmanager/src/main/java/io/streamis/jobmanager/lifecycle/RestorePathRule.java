package io.streamis.jobmanager.lifecycle;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.launcher.cluster.FlinkClusters;
import io.streamis.launcher.state.StateLocations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Which restore paths a user may confirm. Flink reads whatever path it is given with the server's rights, so an
 * unchecked path lets a user probe the file system or restore another project's state. A confirmed path is accepted
 * only under the job's own checkpoint or savepoint directory, or under a root an admin configured
 * ({@code streamis.jobmanager.restore-roots}); the refusal names that rule.
 */
@Component
public class RestorePathRule {

    private final StateLocations locations;
    private final FlinkClusters clusters;
    private final List<String> adminRoots;

    public RestorePathRule(StateLocations locations, FlinkClusters clusters, StreamisJobManagerProperties properties) {
        this.locations = locations;
        this.clusters = clusters;
        this.adminRoots = properties.restoreRoots();
    }

    /** Throws {@link ErrorCode#RESTORE_PATH_REFUSED} unless {@code path} (when given) is allowed for {@code job}. */
    public void check(StreamJob job, String path) {
        if (path == null || path.isBlank()) {
            return;
        }
        URI candidate = normalise(path.trim());
        // The job's own directories on every configured cluster: it may have run on another one before.
        List<URI> roots = new ArrayList<>();
        for (String cluster : clusters.names()) {
            roots.add(normalise(locations.checkpointDir(cluster, job.projectName(), job.name()).toString()));
            roots.add(normalise(locations.savepointDir(cluster, job.projectName(), job.name()).toString()));
        }
        adminRoots.forEach(r -> roots.add(normalise(r)));
        if (candidate == null || roots.stream().noneMatch(r -> r != null && isUnder(candidate, r))) {
            String english = "Restore path " + path + " is refused:"
                    + " a confirmed path must lie under the job's own state directories ("
                    + roots.get(0) + ", " + roots.get(1) + ") or under a root an admin configured in"
                    + " streamis.jobmanager.restore-roots" + (adminRoots.isEmpty() ? " (none configured)"
                    : " (" + String.join(", ", adminRoots) + ")");
            if (adminRoots.isEmpty()) {
                throw new StreamisException(ErrorCode.RESTORE_PATH_REFUSED, "outside", english, path, roots.get(0),
                        roots.get(1));
            }
            throw new StreamisException(ErrorCode.RESTORE_PATH_REFUSED, "outside-roots", english, path, roots.get(0),
                    roots.get(1), String.join(", ", adminRoots));
        }
    }

    /**
     * An absolute, normalised URI ({@code ..} resolved; for local files, symbolic links too, as far as the path
     * exists), or null when the text is no usable path.
     */
    static URI normalise(String text) {
        try {
            URI u = text.contains(":/") ? URI.create(text) : Path.of(text).toAbsolutePath().toUri();
            if (u.getScheme() == null || u.getPath() == null || u.getPath().isEmpty()) {
                return null;
            }
            if ("file".equalsIgnoreCase(u.getScheme())) {
                return realFile(Path.of(u.normalize())).toUri();
            }
            return u.normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The real path of the longest existing prefix, with the rest appended: links cannot lead out of a root. */
    private static Path realFile(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    static boolean isUnder(URI candidate, URI root) {
        if (!candidate.getScheme().equalsIgnoreCase(root.getScheme())
                || !Objects.equals(lower(candidate.getAuthority()), lower(root.getAuthority()))) {
            return false;
        }
        String r = root.getPath().endsWith("/") ? root.getPath() : root.getPath() + "/";
        String c = candidate.getPath().endsWith("/") ? candidate.getPath() : candidate.getPath() + "/";
        return c.startsWith(r);
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}
