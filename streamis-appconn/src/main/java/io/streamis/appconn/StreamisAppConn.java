package io.streamis.appconn;

import com.webank.wedatasphere.dss.appconn.core.ext.SecondlyAppConn;
import com.webank.wedatasphere.dss.appconn.core.impl.AbstractOnlySSOAppConn;
import com.webank.wedatasphere.dss.standard.app.structure.StructureIntegrationStandard;

/**
 * The {@code streamis} AppConn as DataSphere Studio 1.1 loads it (class name registered in {@code dss_appconn}):
 * SSO (DSS's own origin SSO standard, inherited) plus the structure standard, so a DSS project is mirrored into
 * Streamis with its privileges. There is no development standard: Streamis jobs are not DSS workflow nodes.
 */
public class StreamisAppConn extends AbstractOnlySSOAppConn implements SecondlyAppConn {

    /** The AppConn's name in DSS ({@code dss_appconn.appconn_name}); DSS keys its SSO HTTP clients by it. */
    public static final String NAME = "streamis";

    private StreamisStructureStandard structureStandard;

    @Override
    protected void initialize() {
        structureStandard = new StreamisStructureStandard();
    }

    /** Found by DSS by reflection (a {@code getOrCreate*} method returning a standard) during {@code init()}. */
    @Override
    public StructureIntegrationStandard getOrCreateStructureStandard() {
        return structureStandard;
    }
}
