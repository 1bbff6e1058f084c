/** The sandbox runner: Docker images, checks and deployments of generated services. */
package dev.forgeflow.sandbox;
