package io.streamis.jobmanager.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void ordersNumericPartsNumerically() {
        List<String> v = new ArrayList<>(List.of("1.0.10", "1.0.9", "1.0.2", "0.9", "1.0.9-b"));
        v.sort(VersionOrder.INSTANCE);
        assertThat(v).containsExactly("0.9", "1.0.2", "1.0.9", "1.0.9-b", "1.0.10");
    }
}
