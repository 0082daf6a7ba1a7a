package io.usagereports.service.directory;

import io.usagereports.model.directory.TenantKind;
import io.usagereports.service.persistence.WireEnumConverter;
import jakarta.persistence.Converter;

/** The column converters of the directory's entities. */
public final class DirectoryColumnConverters {

    private DirectoryColumnConverters() {}

    @Converter
    public static final class TenantKindConverter extends WireEnumConverter<TenantKind> {
        public TenantKindConverter() {
            super(TenantKind.class);
        }
    }
}
