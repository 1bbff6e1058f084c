package dev.forgeflow.bench.sandbox;

/**
 * One measured round, all times in ms.
 *
 * @param bareRun {@code docker run --rm --network none <base> python3 -c pass} through the Docker
 *     API: create, start, wait, remove
 * @param bareCli the same through the {@code docker} command line, or -1 when there is none
 * @param importRun {@code python3 -c "import app.main"} in the built project image, the same way:
 *     the irreducible start of the service
 * @param deploy the deploy activity of a bundle whose image is built: container start to healthy
 * @param build a project image build on the warm base, of content the build cache has not seen
 * @param redeploy a blue/green redeploy of that build: new container healthy, old one drained
 * @param longestGap the longest time between two answers a client polling every 20 ms saw during
 *     the redeploy, following the URL the journal names
 * @param failedRequests requests of that client that did not answer 200
 */
record Round(
    double bareRun,
    double bareCli,
    double importRun,
    double deploy,
    double build,
    double redeploy,
    double longestGap,
    int failedRequests) {

  /** Deploy to healthy over the bare run. */
  double deployRatio() {
    return deploy / bareRun;
  }

  /** Deploy to healthy over the import of the app. */
  double deployImportRatio() {
    return deploy / importRun;
  }

  /** Image build over the bare run. */
  double buildRatio() {
    return build / bareRun;
  }
}
