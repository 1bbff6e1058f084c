package dev.forgeflow.store.projects;

import java.util.List;

/** A document to attach: its name, type, size, digest, and the text of each page. */
public record NewDocument(
    String projectId,
    String name,
    String mediaType,
    int bytes,
    String sha256,
    List<String> pages,
    int chunks) {

  public NewDocument {
    pages = List.copyOf(pages);
  }

  /** The characters of all pages. */
  public int chars() {
    return pages.stream().mapToInt(String::length).sum();
  }
}
