package dev.forgeflow.agents.validate;

/** What FastAPI (or the house convention) rejects in one router's prefix. */
final class PrefixProblems {

  private PrefixProblems() {}

  /** The problem with the router's prefix, or null when it is fine. */
  static String of(Routers.Declaration router) {
    if (router.prefixes() == 0) {
      return "APIRouter has no prefix; declare it on the router, e.g. APIRouter(prefix=\"/books\")";
    }
    if (router.prefixes() > 1) {
      return "APIRouter passes prefix " + router.prefixes() + " times; pass it once";
    }
    String prefix = router.prefix();
    if (prefix == null) {
      return null;
    }
    if (prefix.isEmpty() || prefix.equals("/")) {
      return "APIRouter has an empty prefix; give each router its own, e.g. \"/books\"";
    }
    if (!prefix.startsWith("/")) {
      return "prefix '" + prefix + "' must start with '/' (FastAPI refuses it at start-up)";
    }
    if (prefix.endsWith("/")) {
      return "prefix '" + prefix + "' must not end with '/' (FastAPI refuses it at start-up)";
    }
    return null;
  }
}
