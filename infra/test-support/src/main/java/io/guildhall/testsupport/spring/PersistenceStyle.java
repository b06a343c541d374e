package io.guildhall.testsupport.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The persistence style of the Spring services (docs/architecture.md): SQL lives in {@code …Store} classes over
 * {@code DatabaseClient}; nothing else touches the database client, and no Spring Data repository or entity template
 * comes back. Each service's {@code PersistenceStyleTest} runs {@link #check(String)} on its own classes.
 */
public final class PersistenceStyle {

    private static final String DATABASE_CLIENT = "org.springframework.r2dbc.core.DatabaseClient";

    private PersistenceStyle() {
    }

    /** Fails, naming each offending class, where a class of {@code basePackage} breaks the style. */
    public static void check(String basePackage) {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        ArchRule onlyStoresQuery = noClasses().that().haveSimpleNameNotEndingWith("Store")
                .should().dependOnClassesThat().haveFullyQualifiedName(DATABASE_CLIENT)
                .because("SQL lives in *Store classes (docs/architecture.md, one persistence style)");
        ArchRule storesAreRepositories = classes().that().haveSimpleNameEndingWith("Store")
                .and().areTopLevelClasses()
                .should().beAnnotatedWith("org.springframework.stereotype.Repository")
                .because("a store is the service's one way to its database");
        ArchRule noSpringData = noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.repository..", "org.springframework.data.r2dbc.core..")
                .because("the Spring services use *Store classes, not Spring Data repositories or entity templates");
        onlyStoresQuery.check(production);
        storesAreRepositories.check(production);
        noSpringData.check(production);
    }
}
