package io.usagereports.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.usagereports.model.common.WireEnum;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireOpenApiFilterTest {

    @Test
    void everyEnumerationOfTheWireIsTranslatedInTheOpenApiDocument() {
        List<String> wireEnums = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.usagereports.model")
                        .stream()
                        .filter(JavaClass::isEnum)
                        .filter(type -> type.isAssignableTo(WireEnum.class))
                        .map(JavaClass::getName)
                        .toList();
        assertThat(wireEnums).isNotEmpty();
        assertThat(WireOpenApiFilter.WIRE_ENUMS.stream().map(Class::getName))
                .as("WireOpenApiFilter.WIRE_ENUMS")
                .containsExactlyInAnyOrderElementsOf(wireEnums);
    }
}
