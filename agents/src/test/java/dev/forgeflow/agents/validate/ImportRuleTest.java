package dev.forgeflow.agents.validate;

import static dev.forgeflow.agents.validate.SampleProject.filesWith;
import static dev.forgeflow.agents.validate.SampleProject.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportRuleTest {

  private static List<ReviewIssue> issuesOfJobs(String source) {
    return issuesOf(filesWith("app/jobs.py", source));
  }

  @Test
  void aPlainImportOutsideTheProfileIsABlockerOnItsLine() {
    List<ReviewIssue> issues = issuesOfJobs("import os\n\nimport requests\n");

    assertThat(issues)
        .extracting(ReviewIssue::severity, ReviewIssue::file, ReviewIssue::line, ReviewIssue::rule)
        .containsExactly(tuple(Severity.BLOCKER, "app/jobs.py", 3, "import.outside-profile"));
    assertThat(issues.get(0).message())
        .contains("'requests'")
        .contains(RuntimeProfile.bundled().describe());
  }

  @Test
  void everyNameOfAMultiNameImportIsChecked() {
    assertThat(issuesOfJobs("import os, numpy as np, xml.etree.ElementTree as ET, yaml\n"))
        .extracting(ReviewIssue::message)
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("imports 'numpy'"))
        .anySatisfy(m -> assertThat(m).startsWith("imports 'yaml'"));
  }

  @Test
  void fromImportsAreJudgedByTheirModule() {
    List<ReviewIssue> issues =
        issuesOfJobs("from collections.abc import Iterator\nfrom flask import Flask\n");

    assertThat(issues).extracting(ReviewIssue::line).containsExactly(2);
    assertThat(issues.get(0).message()).startsWith("imports 'flask'");
  }

  @Test
  void parenthesisedAndContinuedImportsAreFollowedAcrossLines() {
    String source =
        "from fastapi import (\n"
            + "    APIRouter,\n"
            + "    Depends,\n"
            + ")\n"
            + "from pandas import (\n"
            + "    DataFrame,\n"
            + ")\n"
            + "import json, \\\n"
            + "    redis\n";

    assertThat(issuesOfJobs(source)).extracting(ReviewIssue::line).containsExactly(5, 9);
  }

  @Test
  void relativeAndOwnPackageImportsAreFine() {
    String source =
        "from . import models\n"
            + "from .models import Book\n"
            + "from ..app import database\n"
            + "from.database import get_session\n"
            + "from app.routers import books\n"
            + "import tests.conftest\n"
            + "from __future__ import annotations\n";

    assertThat(issuesOfJobs(source)).isEmpty();
  }

  @Test
  void importsInCommentsStringsAndDocstringsAreIgnored() {
    String source =
        "\"\"\"Jobs.\n"
            + "\n"
            + "import requests\n"
            + "from flask import Flask\n"
            + "\"\"\"\n"
            + "# import numpy\n"
            + "EXAMPLE = 'import pandas'\n"
            + "OTHER = '''\n"
            + "from django import db\n"
            + "'''\n"
            + "fromage = 'cheese'\n";

    assertThat(issuesOfJobs(source)).isEmpty();
  }

  @Test
  void semicolonSeparatedAndIndentedImportsAreChecked() {
    String source = "import os; import redis\n\n\ndef run():\n    import celery\n    return os\n";

    assertThat(issuesOfJobs(source))
        .extracting(ReviewIssue::line, ReviewIssue::message)
        .containsExactly(
            tuple(1, issuesOfJobs("import redis\n").get(0).message()),
            tuple(5, issuesOfJobs("import celery\n").get(0).message()));
  }
}
