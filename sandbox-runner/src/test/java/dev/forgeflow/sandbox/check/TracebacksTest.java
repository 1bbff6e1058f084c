package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracebacksTest {

  static final String IMPORT_ERROR =
      """
      Traceback (most recent call last):
        File "<string>", line 1, in <module>
        File "/app/app/main.py", line 6, in <module>
          from app.routers import notes
        File "/app/app/routers/notes.py", line 5, in <module>
          from app.models import Note, NoteCreat
        File "/usr/lib/python3/dist-packages/sqlmodel/main.py", line 10, in <module>
          raise ImportError("x")
      ImportError: cannot import name 'NoteCreat' from 'app.models' (/app/app/models.py)
      """;

  @Test
  void theDeepestFrameInsideTheProjectIsTheOneReported() {
    assertThat(Tracebacks.lastProjectFrame(IMPORT_ERROR))
        .contains(new SourceLine("app/routers/notes.py", 5));
  }

  @Test
  void aTracebackWithoutProjectFramesNamesNoLine() {
    assertThat(Tracebacks.lastProjectFrame("  File \"/usr/lib/python3/x.py\", line 3, in f\n"))
        .isEmpty();
  }

  @Test
  void theExceptionLineIsTheLastLine() {
    assertThat(Tracebacks.lastLine(IMPORT_ERROR))
        .isEqualTo(
            "ImportError: cannot import name 'NoteCreat' from 'app.models' (/app/app/models.py)");
    assertThat(Tracebacks.lastLine("")).isEmpty();
  }

  @Test
  void pytestLocationsWithAbsolutePathsAreSkipped() {
    String report =
        """
        tests/test_notes.py:3: in test_created
            created = client.post("/notes", json={})
        /usr/lib/python3/dist-packages/starlette/testclient.py:552: in post
            return super().post(
        app/routers/notes.py:14: in create_note
            raise RuntimeError("boom")
        E   RuntimeError: boom
        """;

    assertThat(Tracebacks.lastPytestLocation(report))
        .contains(new SourceLine("app/routers/notes.py", 14));
  }
}
