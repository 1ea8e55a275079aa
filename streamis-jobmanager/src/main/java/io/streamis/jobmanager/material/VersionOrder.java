package io.streamis.jobmanager.material;

import java.util.Comparator;

/** Natural order of user-given file versions: {@code 1.0.10} is after {@code 1.0.9} (0.3.2 used string order). */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    @Override
    public int compare(String a, String b) {
        String[] pa = a.split("[.\\-_]");
        String[] pb = b.split("[.\\-_]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "";
            String y = i < pb.length ? pb[i] : "";
            int c = (x.matches("\\d+") && y.matches("\\d+"))
                    ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
