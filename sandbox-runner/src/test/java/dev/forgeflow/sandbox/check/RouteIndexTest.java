package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteIndexTest {

  private final RouteIndex routes =
      new RouteIndex(
          Map.of(
              "app/routers/books.py",
              "from fastapi import APIRouter\n\nrouter = APIRouter(prefix=\"/books\")\n",
              "app/main.py",
              "app = FastAPI()\n\n\n@app.get('/authors')\ndef authors():\n    return []\n",
              "tests/test_books.py",
              "def test_it(client):\n    client.post(\"/books\", prefix='/books')\n"));

  @Test
  void aRouterPrefixIsWhereACollectionIsDeclared() {
    assertThat(routes.declaring("books")).contains(new SourceLine("app/routers/books.py", 3));
  }

  @Test
  void aRouteDecoratorServesWhenNoPrefixNamesThePath() {
    assertThat(routes.declaring("authors")).contains(new SourceLine("app/main.py", 4));
  }

  @Test
  void testsAndUnknownPathsLocateNothing() {
    assertThat(routes.declaring("book")).isEmpty();
    assertThat(routes.declaring("*")).isEmpty();
    assertThat(RouteIndex.empty().declaring("books")).isEmpty();
  }
}
