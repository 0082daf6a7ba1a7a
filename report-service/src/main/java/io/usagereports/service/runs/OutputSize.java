package io.usagereports.service.runs;

/** The size of a stored report as written: gzip-compressed as stored, and of its content. */
public record OutputSize(long compressed, long content) {}
