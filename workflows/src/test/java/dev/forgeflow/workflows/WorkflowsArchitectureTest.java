package dev.forgeflow.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The workflows module stays deterministic and free of infrastructure. */
class WorkflowsArchitectureTest {

  private static final JavaClasses WORKFLOWS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.forgeflow.workflows");

  @Test
  void workflowsDependOnNoSpringJdbcDockerOrHttp() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "com.github.dockerjava..",
            "java.net.http..",
            "org.jooq..",
            "com.openai..")
        .check(WORKFLOWS);
  }

  @Test
  void workflowCodeDoesNotReadTheClockOrRandomnessDirectly() {
    noClasses()
        .that()
        .resideInAPackage("dev.forgeflow.workflows.pipeline")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callConstructor(java.util.Random.class)
        .orShould()
        .callMethod(java.util.UUID.class, "randomUUID")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .check(WORKFLOWS);
  }
}
