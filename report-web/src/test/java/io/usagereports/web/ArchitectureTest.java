package io.usagereports.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.stream.Stream;

/**
 * The module and package rules of docs/architecture.md, checked on every build: a change that
 * breaks one fails {@code mvn verify} with the offending class and dependency named.
 */
@AnalyzeClasses(packages = "io.usagereports", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesDependDownwardsOnly = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model")
            .definedBy("io.usagereports.model..")
            .layer("client")
            .definedBy("io.usagereports.client..")
            .layer("service")
            .definedBy("io.usagereports.service..")
            .layer("web")
            .definedBy("io.usagereports.web..")
            .whereLayer("web")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("client")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("service")
            .mayOnlyBeAccessedByLayers("web")
            .whereLayer("model")
            .mayOnlyBeAccessedByLayers("client", "service", "web");

    @ArchTest
    static final ArchRule theServiceKnowsNoHttp = noClasses()
            .that()
            .resideInAPackage("io.usagereports.service..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.ws.rs..")
            .because("report-service holds the use cases; HTTP is report-web's business");

    @ArchTest
    static final ArchRule theModelIsPlainWireTypes = noClasses()
            .that()
            .resideInAPackage("io.usagereports.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.persistence..",
                    "jakarta.enterprise..",
                    "jakarta.inject..",
                    "jakarta.transaction..",
                    "jakarta.ws.rs..",
                    "org.hibernate..")
            .because("report-model is shared with report-client users, who have no container");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.usagereports.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule resourcesExposeNoEntities = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class)
            .should(haveNoEntityInTheirSignature())
            .because("entities are storage; the API speaks in report-model's wire types");

    @ArchTest
    static final ArchRule resourcesDoNoPersistence = noClasses()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..")
            .because("resources hold no business logic: they call one service use case");

    private static ArchCondition<JavaMethod> haveNoEntityInTheirSignature() {
        return new ArchCondition<>("have no JPA entity among their parameter and return types") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                        .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .filter(type -> type.isAnnotatedWith(Entity.class))
                        .map(JavaClass::getName)
                        .forEach(entity -> events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " exposes the entity " + entity)));
            }
        };
    }
}
