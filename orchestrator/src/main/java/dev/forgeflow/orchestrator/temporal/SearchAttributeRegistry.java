package dev.forgeflow.orchestrator.temporal;

import dev.forgeflow.workflows.pipeline.RunSearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a cluster's namespace has the {@link RunSearchAttributes}: lists them through the
 * operator service and adds those missing. A cluster that refuses (no permission, a cloud
 * namespace) leaves them off: runs go on without search attributes, which is logged.
 */
public final class SearchAttributeRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeRegistry.class);

  private SearchAttributeRegistry() {}

  /** The attributes as {@code temporal server start-dev --search-attribute} takes them. */
  public static Map<String, String> devServerFlags() {
    Map<String, String> flags = new LinkedHashMap<>();
    for (SearchAttributeKey<?> key : RunSearchAttributes.ALL) {
      flags.put(key.getName(), devServerType(key.getValueType()));
    }
    return flags;
  }

  /** True when every attribute is registered on the namespace, after adding what was missing. */
  public static boolean ensure(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      Map<String, IndexedValueType> known =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap();
      Map<String, IndexedValueType> missing = new LinkedHashMap<>();
      for (SearchAttributeKey<?> key : RunSearchAttributes.ALL) {
        IndexedValueType type = known.get(key.getName());
        if (type == null) {
          missing.put(key.getName(), key.getValueType());
        } else if (type != key.getValueType()) {
          LOG.warn(
              "search attribute {} is registered as {}, not {}: runs are not indexed",
              key.getName(),
              type,
              key.getValueType());
          return false;
        }
      }
      if (!missing.isEmpty()) {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putAllSearchAttributes(missing)
                    .build());
        LOG.info("registered search attributes {} on namespace {}", missing.keySet(), namespace);
      }
      return true;
    } catch (StatusRuntimeException refused) {
      LOG.warn(
          "the cluster did not let Forgeflow list or register its search attributes ({}): runs"
              + " are not indexed; register {} on namespace {} to filter runs in Temporal Web",
          refused.getStatus(),
          devServerFlags(),
          namespace);
      return false;
    } finally {
      operator.shutdown();
    }
  }

  private static String devServerType(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      default -> throw new IllegalArgumentException("no dev server type for " + type);
    };
  }
}
