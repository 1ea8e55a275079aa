package io.streamis.launcher.cluster;

import java.util.function.Supplier;

/**
 * The id every node of one Streamis installation shares (they share its database). Its YARN applications carry it
 * as a tag, so two installations on one YARN never take each other's applications for their own.
 */
@FunctionalInterface
public interface InstallationId extends Supplier<String> {
}
