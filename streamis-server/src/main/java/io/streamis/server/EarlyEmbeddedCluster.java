package io.streamis.server;

import io.streamis.launcher.cluster.EmbeddedFlinkCluster;
import io.streamis.launcher.config.LauncherConfiguration;
import io.streamis.launcher.config.StreamisLauncherProperties;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded Flink cluster (in the background) as soon as the configuration is read, before the context
 * creates its first bean: its start then overlaps the whole context's start instead of beginning halfway through it,
 * when the first bean that needs the cluster is created. The cluster becomes the {@code embeddedFlinkCluster} bean
 * (closed with the context), so {@link LauncherConfiguration} does not create another. Registered in
 * {@code spring.factories}.
 */
public class EarlyEmbeddedCluster implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
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
        registry.registerBeanDefinition(LauncherConfiguration.EMBEDDED_CLUSTER, BeanDefinitionBuilder
                .genericBeanDefinition(EmbeddedFlinkCluster.class, () -> cluster).setDestroyMethodName("close")
                .getBeanDefinition());
    }
}
