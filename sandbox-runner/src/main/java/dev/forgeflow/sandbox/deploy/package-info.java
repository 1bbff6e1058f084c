/** Running approved services in isolated containers, and their lifecycle. */
package dev.forgeflow.sandbox.deploy;
