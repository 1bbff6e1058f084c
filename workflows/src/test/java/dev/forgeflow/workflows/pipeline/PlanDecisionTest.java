package dev.forgeflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sealed decision keeps the wire form stored histories and older clients use. */
class PlanDecisionTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.STANDARD_INSTANCE;

  @Test
  void eachDecisionTravelsAsApproveAndFeedback() throws Exception {
    assertThat(tree(wire(PlanDecision.approved())))
        .isEqualTo(tree("{\"approve\":true,\"feedback\":null}"));
    assertThat(tree(wire(PlanDecision.changes("add paging"))))
        .isEqualTo(tree("{\"approve\":false,\"feedback\":\"add paging\"}"));
    assertThat(tree(wire(PlanDecision.rejected())))
        .isEqualTo(tree("{\"approve\":false,\"feedback\":null}"));
  }

  private static JsonNode tree(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void theWireFormReadsBackAsTheSameDecision() {
    for (PlanDecision decision :
        new PlanDecision[] {
          PlanDecision.approved(), PlanDecision.changes("add paging"), PlanDecision.rejected()
        }) {
      assertThat(read(wire(decision))).isEqualTo(decision);
    }
    assertThat(read("{\"approve\":true}")).isInstanceOf(PlanDecision.Approve.class);
    assertThat(read("{\"approve\":false,\"feedback\":\"x\",\"extra\":1}"))
        .isEqualTo(new PlanDecision.Revise("x"));
  }

  private static String wire(PlanDecision decision) {
    return CONVERTER.toPayload(decision).orElseThrow().getData().toString(StandardCharsets.UTF_8);
  }

  private static PlanDecision read(String json) {
    return CONVERTER.fromPayload(
        io.temporal.api.common.v1.Payload.newBuilder()
            .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
            .setData(com.google.protobuf.ByteString.copyFromUtf8(json))
            .build(),
        PlanDecision.class,
        PlanDecision.class);
  }
}
