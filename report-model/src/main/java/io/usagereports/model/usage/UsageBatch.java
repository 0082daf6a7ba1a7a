package io.usagereports.model.usage;

import java.util.List;

/** The body of {@code POST /usages}: readings stored all together or not at all. */
public record UsageBatch(List<UsageReading> items) {}
