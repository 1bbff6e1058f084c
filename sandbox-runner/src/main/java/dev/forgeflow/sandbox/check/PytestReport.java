package dev.forgeflow.sandbox.check;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A pytest run read from its JUnit XML report.
 *
 * @param failures one {@code pytest} failure per failed or erroring test, at its deepest project
 *     line
 */
record PytestReport(int testsRun, int testsFailed, List<CheckFailure> failures) {

  /** Parses a JUnit XML report; throws {@link IllegalArgumentException} if it is not one. */
  static PytestReport parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      NodeList cases =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getElementsByTagName("testcase");
      return of(cases);
    } catch (Exception e) {
      throw new IllegalArgumentException("Not a JUnit XML report: " + e.getMessage(), e);
    }
  }

  private static PytestReport of(NodeList cases) {
    List<CheckFailure> failures = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      Element problem = firstChild(testCase, "failure", "error");
      if (problem != null) {
        failures.add(failure(testCase, problem));
      }
    }
    if (cases.getLength() == 0) {
      return new PytestReport(
          0, 0, List.of(new CheckFailure("pytest", null, 0, "pytest collected no tests")));
    }
    return new PytestReport(cases.getLength(), failures.size(), failures);
  }

  /** The run of a suite that left no readable report: one failure from its output. */
  static PytestReport unreadable(String output) {
    CheckFailure failure =
        Tracebacks.lastPytestLocation(output)
            .map(
                at -> new CheckFailure("pytest", at.file(), at.line(), Tracebacks.lastLine(output)))
            .orElseGet(() -> new CheckFailure("pytest", null, 0, Tracebacks.lastLine(output)));
    return new PytestReport(0, 0, List.of(failure));
  }

  private static CheckFailure failure(Element testCase, Element problem) {
    String test = testCase.getAttribute("classname") + "::" + testCase.getAttribute("name");
    String message = test + ": " + problem.getAttribute("message");
    return Tracebacks.lastPytestLocation(problem.getTextContent())
        .map(at -> new CheckFailure("pytest", at.file(), at.line(), message))
        .orElseGet(() -> new CheckFailure("pytest", null, 0, message));
  }

  private static Element firstChild(Element parent, String... names) {
    for (String name : names) {
      NodeList found = parent.getElementsByTagName(name);
      if (found.getLength() > 0) {
        return (Element) found.item(0);
      }
    }
    return null;
  }
}
