/** The Docker connection: the daemon found through DOCKER_HOST, its API version negotiated. */
package dev.forgeflow.sandbox.docker;
