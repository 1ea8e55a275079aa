package io.streamis.server;

import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.launcher.config.LauncherConfiguration;
import io.streamis.launcher.config.StreamisLauncherProperties;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Starts the embedded Flink cluster (in the background) as soon as the configuration is read, before the context
 * creates its first bean: its start then overlaps the whole context's start instead of beginning halfway through it,
 * when the first bean that needs the cluster is created. The cluster becomes the {@code embeddedFlinkCluster} bean
 * (closed with the context), so {@link LauncherConfiguration} does not create another. A start that fails before
 * that bean was created closes it here, or its threads would keep the failed server's JVM alive. Registered in
 * {@code spring.factories}.
 */
public class EarlyEmbeddedCluster implements SmartApplicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyEmbeddedCluster.class);

    private volatile EmbeddedFlinkCluster started;

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
        return ApplicationPreparedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            start(prepared.getApplicationContext());
        } else if (event instanceof ApplicationFailedEvent && started != null) {
            try {
                started.close();
            } catch (Exception e) {
                LOG.warn("Could not close the embedded Flink cluster of a failed start: {}", e.toString());
            }
        }
    }

    private void start(ConfigurableApplicationContext context) {
        if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)
                || registry.containsBeanDefinition(LauncherConfiguration.EMBEDDED_CLUSTER)) {
            return;
        }
        // The same binding the properties bean gets later, from the same environment.
        StreamisLauncherProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("streamis.launcher", StreamisLauncherProperties.class);
        if (!LauncherConfiguration.startsEmbedded(properties)) {
            return;
        }
        EmbeddedFlinkCluster cluster = new EmbeddedFlinkCluster(properties);
        cluster.startInBackground();
        started = cluster;
        registry.registerBeanDefinition(LauncherConfiguration.EMBEDDED_CLUSTER, BeanDefinitionBuilder
                .genericBeanDefinition(EmbeddedFlinkCluster.class, () -> cluster).setDestroyMethodName("close")
                .getBeanDefinition());
    }
}
