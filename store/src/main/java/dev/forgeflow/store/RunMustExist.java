package dev.forgeflow.store;

import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/** Turns a write refused for naming an unknown run into the contract's exception. */
final class RunMustExist {

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private RunMustExist() {}

  static <T> T whileWriting(String runId, Supplier<T> write) {
    try {
      return write.get();
    } catch (DataAccessException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
        throw noSuchRun(runId);
      }
      throw e;
    }
  }

  static NoSuchElementException noSuchRun(String runId) {
    return new NoSuchElementException("No run with id " + runId);
  }
}
