package dev.forgeflow.bench.sandbox;

/**
 * One measured round, all times in ms.
 *
 * @param bareRun {@code docker run --rm --network none <base> python3 -c pass} through the Docker
 *     API: create, start, wait, remove
 * @param bareCli the same through the {@code docker} command line, or -1 when there is none
 * @param deploy the deploy activity of a bundle whose image is built: container start to healthy
 * @param build a project image build on the warm base, of content the build cache has not seen
 */
record Round(double bareRun, double bareCli, double deploy, double build) {

  /** Deploy to healthy over the bare run. */
  double deployRatio() {
    return deploy / bareRun;
  }

  /** Image build over the bare run. */
  double buildRatio() {
    return build / bareRun;
  }
}
