package dev.forgeflow.workflows.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyRecordHasItsOwnTypeName() {
    List<String> types = Facts.records().stream().map(Facts::typeOf).toList();

    assertThat(types).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates();
    assertThat(types).allMatch(t -> t.matches("[a-z]+\\.[a-z_]+"), "lower-case kind.name");
    assertThat(Facts.types()).hasSize(types.size());
    for (Class<? extends Fact> record : Facts.records()) {
      assertThat(sample(record).eventType()).isEqualTo(Facts.typeOf(record));
    }
  }

  @Test
  void everyRecordRoundTripsThroughItsStoredJsonWithItsComponentsAsFields() throws Exception {
    for (Class<? extends Fact> record : Facts.records()) {
      Fact fact = sample(record);
      String json = Facts.json(fact);

      Set<String> fields = new HashSet<>();
      JSON.readTree(json).fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .as("stored fields of %s", record.getSimpleName())
          .isEqualTo(componentNames(record));
      assertThat(Facts.read(record, json)).isEqualTo(fact);
      assertThat(Facts.read(fact.eventType(), json)).contains(fact);
    }
  }

  @Test
  void payloadsKeepTheFieldNamesReadersKnow() throws Exception {
    assertSameJson(
        Facts.json(new Fact.StageCompleted("REVIEW", 2, 1500)),
        "{\"stage\":\"REVIEW\",\"round\":2,\"elapsedMs\":1500}");
    assertSameJson(
        Facts.json(new Fact.CodeFile("app/main.py", "ab12", 40, "CREATE", 0)),
        "{\"path\":\"app/main.py\",\"sha256\":\"ab12\",\"bytes\":40,\"mode\":\"CREATE\","
            + "\"round\":0}");
    assertSameJson(
        Facts.json(new Fact.TestReport(1, false, null, 3, 1, List.of(), "1 failed")),
        "{\"round\":1,\"passed\":false,\"image\":null,\"testsRun\":3,\"testsFailed\":1,"
            + "\"failures\":[],\"summary\":\"1 failed\"}");
  }

  @Test
  void optionalFieldsAreLeftOutWhenAbsent() {
    assertThat(Facts.payload(new Fact.ApprovalDecided(true, null))).containsOnlyKeys("approve");
    assertThat(Facts.payload(new Fact.ArtifactArchitecture("a1", List.of(), 2, "offline", null)))
        .doesNotContainKey("feedback");
    assertThat(Facts.payload(new Fact.DeployLog("p", List.of("up"), null, null)))
        .containsOnlyKeys("project", "lines");
    assertThat(
            Facts.payload(
                new Fact.RunCompleted(
                    "STUCK", "stuck", 2, 0, 0, null, null, null, 1, 0, 0, 0.0, 10)))
        .doesNotContainKeys("bundleId", "deploymentUrl", "projectName");
  }

  @Test
  void readingIgnoresTheAttemptActivitiesAddAndToleratesMissingFields() {
    assertThat(Facts.read(Fact.CodeProgress.TYPE, "{\"path\":\"a.py\",\"chars\":9,\"attempt\":2}"))
        .contains(new Fact.CodeProgress("a.py", 9));
    assertThat(Facts.read(Fact.ArtifactArchitecture.class, "{\"artifactId\":\"a\"}").files())
        .isEmpty();
  }

  @Test
  void anUnknownTypeReadsAsNothingAndABrokenPayloadSaysWhichRecordItIsNot() {
    assertThat(Facts.read("no.such", "{}")).isEmpty();
    assertThatThrownBy(() -> Facts.read(Fact.StageStarted.class, "{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a stage.started payload");
  }

  /** An instance of a catalogue record with a distinct plain value in every component. */
  static Fact sample(Class<? extends Fact> record) {
    RecordComponent[] components = record.getRecordComponents();
    List<Object> values = new ArrayList<>();
    for (RecordComponent component : components) {
      values.add(value(component.getName(), component.getGenericType()));
    }
    try {
      return record
          .getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
          .newInstance(values.toArray());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot make a " + record.getSimpleName(), e);
    }
  }

  private static Object value(String name, Type type) {
    if (type == String.class) {
      return name + "-value";
    } else if (type == int.class || type == Integer.class) {
      return name.length();
    } else if (type == long.class) {
      return 1000L + name.length();
    } else if (type == double.class) {
      return name.length() / 8.0;
    } else if (type == boolean.class) {
      return true;
    } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      Type element = list.getActualTypeArguments()[0];
      if (element == String.class) {
        return List.of(name + "-1", name + "-2");
      } else if (element == ReviewIssue.class) {
        return List.of(new ReviewIssue(Severity.MAJOR, "app/main.py", 3, "llm.review", "fix"));
      } else if (element == CheckFailure.class) {
        return List.of(new CheckFailure("pytest", null, 0, "failed"));
      } else if (element == Fact.RetrievalHit.class) {
        return List.of(new Fact.RetrievalHit("document", "spec.md", "page 1", 0.75));
      }
    }
    throw new AssertionError("no sample value for " + name + " of type " + type);
  }

  private static Set<String> componentNames(Class<?> record) {
    Set<String> names = new HashSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      names.add(component.getName());
    }
    return names;
  }

  private static void assertSameJson(String actual, String expected) throws Exception {
    assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
  }

  @Test
  void payloadMapsHoldPlainValuesForTheLocalActivityArgument() {
    Map<String, Object> payload = Facts.payload(new Fact.BudgetRaised(5000, 1.5));

    assertThat(payload).containsEntry("budgetTokens", 5000L).containsEntry("budgetUsd", 1.5);
  }
}
