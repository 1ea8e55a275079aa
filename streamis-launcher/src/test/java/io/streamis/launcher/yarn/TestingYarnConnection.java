package io.streamis.launcher.yarn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * A ResourceManager in memory: the applications it knows (live or ended), answered by tag as YARN does (any of the
 * tags matches), and a count of the questions it was asked.
 */
final class TestingYarnConnection extends YarnConnection {

    final List<ApplicationReport> applications = new ArrayList<>();
    final AtomicInteger endedQueries = new AtomicInteger();
    final AtomicInteger liveQueries = new AtomicInteger();
    private int next = 1;

    /** {@code confDir}: an empty directory (no RM is ever contacted). */
    TestingYarnConnection(Path confDir) {
        super("yarn", confDir.toString());
    }

    /** Adds an application with these tags; ACCEPTED (no Flink REST yet) unless {@code state} says otherwise. */
    ApplicationReport add(YarnApplicationState state, String... tags) {
        ApplicationReport r = ApplicationReport.newInstance(ApplicationId.newInstance(1700000000000L, next++), null,
                "streamis", "default", "streamis.p.j.v1.job-1", "N/A", -1, null, state,
                state == YarnApplicationState.FAILED ? "AM Container exited with exitCode: 2" : "", null, 1L, 1L,
                2L, state == YarnApplicationState.FAILED ? FinalApplicationStatus.FAILED
                        : FinalApplicationStatus.UNDEFINED, null, null, 1f, "Apache Flink", null);
        r.setApplicationTags(Set.of(tags));
        applications.add(r);
        return r;
    }

    @Override
    public List<ApplicationReport> liveApplications(String tag) {
        liveQueries.incrementAndGet();
        return tagged(tag, LIVE.stream().toList());
    }

    @Override
    public List<ApplicationReport> endedApplications(String tag) {
        endedQueries.incrementAndGet();
        return tagged(tag, ENDED.stream().toList());
    }

    @Override
    public ApplicationReport report(String applicationId) {
        return applications.stream().filter(r -> r.getApplicationId().toString().equals(applicationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown application " + applicationId));
    }

    private List<ApplicationReport> tagged(String tag, List<YarnApplicationState> states) {
        return applications.stream().filter(r -> states.contains(r.getYarnApplicationState())
                && r.getApplicationTags().contains(tag)).toList();
    }
}
