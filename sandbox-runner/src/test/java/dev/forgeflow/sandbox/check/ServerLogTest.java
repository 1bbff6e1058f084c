package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerLogTest {

  static final String LOG =
      """
      INFO:     Application startup complete.
      INFO:     127.0.0.1:36014 - "GET /openapi.json HTTP/1.1" 200 OK
      INFO:     127.0.0.1:36014 - "POST /notes HTTP/1.1" 500 Internal Server Error
      ERROR:    Exception in ASGI application
      Traceback (most recent call last):
        File "/usr/lib/python3/dist-packages/uvicorn/protocols/http/h11_impl.py", line 406, in run_asgi
          result = await app(  # type: ignore[func-returns-value]
        File "/app/app/routers/notes.py", line 14, in create_note
          raise RuntimeError("boom")
      RuntimeError: boom
      INFO:     127.0.0.1:36028 - "GET /notes HTTP/1.1" 200 OK
      """;

  @Test
  void aTracebackBelongsToTheRequestLoggedAboveIt() {
    ServerLog log = new ServerLog(LOG);

    assertThat(log.failureOf("POST /notes")).contains(new SourceLine("app/routers/notes.py", 14));
    assertThat(log.failureOf("GET /notes")).isEmpty();
    assertThat(log.failureOf("GET /openapi.json")).isEmpty();
  }

  @Test
  void aLogWithoutTracebacksHasNone() {
    ServerLog log = new ServerLog("INFO:     127.0.0.1:1 - \"GET /notes HTTP/1.1\" 200 OK\n");

    assertThat(log.hasTraceback()).isFalse();
    assertThat(log.lastTraceback()).isEmpty();
    assertThat(new ServerLog(LOG).hasTraceback()).isTrue();
  }
}
