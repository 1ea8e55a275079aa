package io.streamis.launcher.state;

import java.util.List;

/** The chosen restore point (null = none), the next fallbacks, and every candidate tried with why it was skipped. */
public record RestorePlan(StatePoint chosen, List<StatePoint> fallbacks, List<String> tried,
                          boolean candidatesExisted) {
}
