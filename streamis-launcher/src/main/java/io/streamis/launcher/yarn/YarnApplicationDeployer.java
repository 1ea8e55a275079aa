package io.streamis.launcher.yarn;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.launcher.client.FlinkClusterException;
import io.streamis.launcher.launch.LaunchResult;
import io.streamis.launcher.launch.LaunchSpec;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.deployment.application.ApplicationConfiguration;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.yarn.YarnClientYarnClusterInformationRetriever;
import org.apache.flink.yarn.YarnClusterClientFactory;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys one start as its own Flink application on YARN ({@code deployApplicationCluster}): the Flink runtime
 * comes from the provided lib dir, the job's jar is shipped, the resource group is applied, and the application
 * is named and tagged after its job so it can be found again. Never two live applications for one job.
 */
public class YarnApplicationDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(YarnApplicationDeployer.class);

    private final String cluster;
    private final YarnConnection yarn;
    private final FlinkRuntimeLibrary library;
    private final YarnDeploymentSettings settings;

    public YarnApplicationDeployer(String cluster, YarnConnection yarn, FlinkRuntimeLibrary library,
                                   YarnDeploymentSettings settings) {
        this.cluster = cluster;
        this.yarn = yarn;
        this.library = library;
        this.settings = settings;
    }

    /**
     * Deploys and returns once YARN accepted the application and its Flink REST answers; the job's tasks are
     * still being scheduled (the caller's reconciler follows them).
     */
    public LaunchResult deploy(LaunchSpec spec, Path jar, String entryClass, List<String> args) {
        LaunchSpec.Owner owner = spec.owner();
        if (owner == null || owner.flinkJobId() == null) {
            throw new IllegalArgumentException("a YARN application deployment needs the job's owner and Flink job id");
        }
        // Another installation's job with the same id is not this job.
        List<ApplicationReport> live = yarn.liveApplications(YarnTags.job(owner.jobId())).stream()
                .filter(r -> YarnTags.ours(r, settings.installationTag())).toList();
        if (!live.isEmpty()) {
            throw new StreamisException(ErrorCode.ILLEGAL_STATE, "yarn.live-application", "Job " + owner.job()
                    + " already has a live YARN application " + live.get(0).getApplicationId() + " ("
                    + live.get(0).getYarnApplicationState() + "); stop it before starting again", owner.job(),
                    live.get(0).getApplicationId(), live.get(0).getYarnApplicationState());
        }
        Configuration conf = settings.flinkConfiguration(spec, jar,
                library.ensureUploaded(settings.libRoot(), yarn.conf()));
        ClusterSpecification resources = new YarnClusterClientFactory().getClusterSpecification(conf);
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarn.conf(), yarn.client(),
                YarnClientYarnClusterInformationRetriever.create(yarn.client()), true)) {
            try (ClusterClient<ApplicationId> client = descriptor.deployApplicationCluster(resources,
                    new ApplicationConfiguration(args.toArray(String[]::new), entryClass)).getClusterClient()) {
                String appId = client.getClusterId().toString();
                String proxyUrl = yarn.report(appId).getTrackingUrl();
                LOG.info("Job {} deployed as YARN application {} (Flink job {}, REST {})", owner.job(), appId,
                        owner.flinkJobId(), client.getWebInterfaceURL());
                return new LaunchResult(cluster, owner.flinkJobId(), null, proxyUrl, spec.restorePath(), appId);
            }
        } catch (StreamisException e) {
            throw e;
        } catch (Exception e) {
            throw new FlinkClusterException(ErrorCode.FLINK_REJECTED, 0, "YARN deployment of job " + owner.job()
                    + " on cluster '" + cluster + "' failed: " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(": ").append(t.getMessage());
            }
        }
        String m = sb.toString();
        return m.length() > 2000 ? m.substring(0, 2000) : m;
    }
}
