/** The checks activity: compile, import, pytest and an OpenAPI probe inside one container. */
package dev.forgeflow.sandbox.check;
